#!/usr/bin/env node
/**
 * Checks electron-builder.yml without Electron's binary (which cannot be downloaded everywhere):
 *   1. loads it and validates it with electron-builder's own schema validator;
 *   2. packs the app for Linux as a directory against a stand-in Electron folder (so nothing is
 *      downloaded), fuses left out (they patch the real binary), and checks what app.asar holds:
 *      the compiled app, the preload, the renderer, every .ps1 script — and no source maps or tests.
 * Building real installers needs network access for Electron and the NSIS/WiX tools: docs/deploy/.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');
const { build, Platform } = require('electron-builder');
const asar = require('@electron/asar');

const fail = (message) => {
  console.error(`check-packaging: ${message}`);
  process.exit(1);
};

const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
try {
  await validateConfiguration(config, new DebugLogger(false));
} catch (error) {
  fail(`electron-builder.yml is not valid:\n${error.message}`);
}
console.log("check-packaging: electron-builder.yml matches electron-builder's schema.");

// The files that set up sending what headless runs queued (scheduled task, LaunchDaemon, systemd
// timer) must exist where electron-builder looks for them: nsis.include relative to build/ or the
// project, pkg.scripts relative to build/, the deb scripts relative to the project.
const buildResources = join(root, config.directories?.buildResources ?? 'build');
const referenced = [
  [
    config.nsis?.include,
    [join(buildResources, config.nsis?.include ?? ''), join(root, config.nsis?.include ?? '')],
  ],
  ['pkg.scripts postinstall', [join(buildResources, config.pkg?.scripts ?? 'pkg-scripts', 'postinstall')]],
  [config.deb?.afterInstall, [join(root, config.deb?.afterInstall ?? '')]],
  [config.deb?.afterRemove, [join(root, config.deb?.afterRemove ?? '')]],
  ...['win', 'mac', 'linux'].flatMap((platform) =>
    (config[platform]?.extraResources ?? []).map((set) => [set.from, [join(root, set.from)]]),
  ),
];
for (const [name, candidates] of referenced)
  if (!name || !candidates.some((p) => existsSync(p) && statSync(p).isFile()))
    fail(`electron-builder.yml refers to ${name ?? 'a file'} that does not exist`);

if (
  !existsSync(join(root, 'dist', 'main', 'electron', 'app.js')) ||
  !existsSync(join(root, 'renderer', 'dist', 'index.html'))
)
  fail('build first (npm run build).');

const work = mkdtempSync(join(tmpdir(), 'triage-pack-'));
const fakeElectron = join(work, 'electron');
mkdirSync(join(fakeElectron, 'resources'), { recursive: true });
mkdirSync(join(fakeElectron, 'locales'));
writeFileSync(join(fakeElectron, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary"\n');
chmodSync(join(fakeElectron, 'electron'), 0o755);
// Fuses patch the real binary, which the stand-in is not; the file's own check covers their settings.
const { electronFuses: _fuses, ...withoutFuses } = config;
const electronVersion = require(join(root, 'node_modules', 'electron', 'package.json')).version;
try {
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      ...withoutFuses,
      electronFuses: null,
      electronVersion,
      electronDist: fakeElectron,
      directories: { ...config.directories, output: join(work, 'out') },
    },
  });
} catch (error) {
  fail(`packing the app directory failed: ${error.message}`);
}
const archive = join(work, 'out', 'linux-unpacked', 'resources', 'app.asar');
if (!existsSync(archive)) fail('no app.asar was produced.');
const files = asar.listPackage(archive).map((f) => f.replace(/\\/g, '/'));
// linux.extraResources: the systemd units the deb's after-install copies from /opt/Triage/resources/.
for (const unit of ['triage-send-queued-reports.service', 'triage-send-queued-reports.timer'])
  if (!existsSync(join(work, 'out', 'linux-unpacked', 'resources', unit))) fail(`resources/ lacks ${unit}`);
const need = [
  '/dist/main/electron/app.js',
  '/dist/main/electron/preload.js',
  '/dist/main/app/collector-process.js',
  '/dist/main/cli/triage.js',
  '/renderer/dist/index.html',
  '/package.json',
];
for (const file of need) if (!files.includes(file)) fail(`app.asar lacks ${file}`);
const scripts = (function walk(dir) {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory()
      ? walk(join(dir, name))
      : name.endsWith('.ps1')
        ? [join(dir, name)]
        : [],
  );
})(join(root, 'probes')).map((p) => `/dist/${relative(root, p).replace(/\\/g, '/')}`);
for (const script of scripts) {
  if (!files.includes(script)) fail(`app.asar lacks ${script}`);
  // PowerShell opens them by path: they must exist as real files beside the archive.
  const unpacked = join(`${archive}.unpacked`, ...script.split('/').filter(Boolean));
  if (!existsSync(unpacked))
    fail(`${script} is not unpacked (asarUnpack): PowerShell cannot run it from app.asar`);
}
// The outbox lock's native addon must be a real file for every platform the installers target.
for (const platform of ['linux-x64', 'darwin-arm64', 'darwin-x64', 'win32-x64', 'win32-arm64']) {
  const addon = join(
    `${archive}.unpacked`,
    'node_modules',
    'fs-native-extensions',
    'prebuilds',
    platform,
    'fs-native-extensions.node',
  );
  if (!existsSync(addon)) fail(`the outbox lock's native addon for ${platform} is not unpacked: ${addon}`);
}
const unwanted = files.filter(
  (f) =>
    f.endsWith('.map') ||
    f.startsWith('/tests/') ||
    f.startsWith('/node_modules/electron/') ||
    f.includes('/.git/'),
);
if (unwanted.length) fail(`app.asar holds files it must not: ${unwanted.slice(0, 5).join(', ')}`);
const size = statSync(archive).size;
console.log(
  `check-packaging: packed ${files.length} entries (${(size / 1024 / 1024).toFixed(1)} MB app.asar), including ${scripts.length} PowerShell scripts, each also unpacked as a file; no source maps or tests.`,
);
rmSync(work, { recursive: true, force: true });
