#!/usr/bin/env node
/**
 * `npm start`: builds and opens the desktop app where Electron's binary is installed; otherwise
 * says so, why, and what works without it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json', { paths: [root] }));
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
if (!binary || !existsSync(binary)) {
  console.error(`npm start: Electron's binary is not installed here (${join(electronDir, 'dist')} is missing).
  It is downloaded by Electron's install script, which was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD=1)
  or could not reach its download host.
  - Everything else works without it: npm run try (the headless CLI), npm test.
  - On a machine with internet access, install it with: node node_modules/electron/install.js
    (with ELECTRON_SKIP_BINARY_DOWNLOAD unset), then run npm start again.`);
  process.exit(1);
}
const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);
const app = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
app.on('exit', (code) => process.exit(code ?? 0));
