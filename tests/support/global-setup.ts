/**
 * Builds dist/ once before the tests, so tests that run the real `triage` command (and the lab)
 * test the code as it ships, whether vitest runs alone or through `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(__dirname, '..', '..');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--no-check'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0)
    throw new Error('The build failed; the tests need dist/ (run "npm run build" to see why).');
}
