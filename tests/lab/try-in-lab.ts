/**
 * `npm run try` on a root sandbox: Triage's main job inside the lab's healthy office network (real
 * DHCP, DNS, time and web servers in namespaces), so the network checks have a network to look at
 * and nothing leaves this machine.
 *
 *   tsx tests/lab/try-in-lab.ts <path of triage.js> collect …
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanupStaleLabs, startLab } from './lab';

async function main(): Promise<void> {
  const [cli, ...args] = process.argv.slice(2);
  if (!cli) throw new Error('usage: try-in-lab.ts <triage.js> <args…>');
  cleanupStaleLabs();
  const lab = await startLab({ dhcp: 'on', dns: ['ok', 'ok'], ntp: 0, web: 'ok' });
  try {
    const config = join(tmpdir(), `triage-try-${lab.client}.json`);
    writeFileSync(config, JSON.stringify(lab.probeConfig));
    const run = spawnSync(
      'ip',
      ['netns', 'exec', lab.client, process.execPath, cli, ...args, '--config', config],
      { stdio: 'inherit' },
    );
    process.exitCode = run.status ?? 1;
  } finally {
    lab.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`npm run try: the lab network could not be built: ${(error as Error).message}`);
  process.exitCode = 1;
});
