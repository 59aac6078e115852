/**
 * Where Electron's binary is installed (a developer's or a user's machine; it cannot be downloaded
 * here), the real app starts: headless mode answers, and the window stays up under a virtual display.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRIAGE_VERSION } from '../../../main/version';

const root = join(__dirname, '..', '..', '..');
// Found the way npm start finds it: never through require('electron'), which would try to download it.
const electronDir = dirname(require.resolve('electron/package.json', { paths: [root] }));
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
const missing =
  !binary || !existsSync(binary)
    ? "Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD)"
    : spawnSync('which', ['xvfb-run']).status !== 0
      ? 'xvfb-run is not installed'
      : null;

describe.skipIf(missing !== null)(`the real Electron app${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('runs the CLI in headless mode', () => {
    const run = spawnSync('xvfb-run', ['-a', binary ?? '', root, '--no-sandbox', '--headless', 'version'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stdout.trim()).toBe(TRIAGE_VERSION);
    expect(run.status).toBe(0);
  });

  it('opens its window and keeps running', async () => {
    const app = spawn('xvfb-run', ['-a', binary ?? '', root, '--no-sandbox'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    app.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 8_000);
      app.once('exit', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (app.pid) process.kill(-app.pid, 'SIGTERM');
    expect(exited, output).toBe(false);
    expect(output).not.toMatch(/could not start|Uncaught/i);
  }, 30_000);
});
