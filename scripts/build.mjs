#!/usr/bin/env node
/**
 * Builds Triage: TypeScript for probes/ and main/ into dist/ (CommonJS, for Node and Electron),
 * the .ps1 scripts next to the collectors that read them, and the renderer with Vite.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
// --no-check: emit without type-checking (the test setup uses it; `npm run check` type-checks).
const noCheck = process.argv.includes('--no-check');
const dist = join(root, 'dist');

function run(file, args) {
  const result = spawnSync(file, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: ${file} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

function filesUnder(dir, suffix) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : name.endsWith(suffix) ? [path] : [];
  });
}

// A full build starts clean; the test setup's quick build overwrites in place, because several
// test runs may build at once and must not delete each other's output.
if (!noCheck) rmSync(dist, { recursive: true, force: true });
run(process.execPath, [
  join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
  '-p',
  'tsconfig.build.json',
  ...(noCheck ? ['--noCheck'] : []),
]);
for (const script of filesUnder(join(root, 'probes'), '.ps1')) {
  cpSync(script, join(dist, relative(root, script)));
}
// Sandboxed preloads cannot load other files: bundle the preload with what it imports (not Electron).
const { build } = await import('esbuild');
await build({
  entryPoints: [join(root, 'main', 'electron', 'preload.ts')],
  outfile: join(dist, 'main', 'electron', 'preload.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  minify: true,
  logLevel: 'warning',
});
const cli = join(dist, 'main', 'cli', 'triage.js');
if (existsSync(cli)) chmodSync(cli, 0o755);
if (existsSync(join(root, 'renderer', 'index.html'))) {
  run(process.execPath, [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    join('renderer', 'vite.config.mts'),
    '--logLevel',
    'warn',
  ]);
}
console.log(`build: done (${relative(root, dirname(cli))}/triage.js)`);
