#!/usr/bin/env node
/**
 * `npm run try`: Triage's main job on this machine — run every check, explain the findings, write a
 * bundle into ./reports — safely on a development or CI machine.
 *
 * As root with `ip netns` available (CI, the project's sandboxes), the run happens inside the
 * network lab's "healthy office" network (a network namespace with its own DHCP, DNS, NTP and web
 * servers) when the lab is available, or else in a namespace with loopback only: the hardware, OS and
 * security checks see this machine, and the network checks send nothing off it.
 * Otherwise (a normal user on a workstation), it simply runs `triage collect`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'main', 'cli', 'triage.js');
if (!existsSync(cli)) {
  console.error('npm run try: Triage is not built yet. Run: bash scripts/setup.sh');
  process.exit(2);
}
const reports = join(root, 'reports');
mkdirSync(reports, { recursive: true });
const args = ['collect', '-o', reports, '--fail-on', 'never', ...process.argv.slice(2)];

const isolate =
  process.getuid?.() === 0 &&
  spawnSync('ip', ['netns', 'list']).status === 0 &&
  process.env.TRIAGE_TRY_ISOLATED !== '0';
if (!isolate) {
  const run = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const labRunner = join(root, 'tests', 'lab', 'try-in-lab.ts');
if (existsSync(labRunner)) {
  console.error(
    "npm run try: running in the network lab's healthy office network (nothing leaves this machine).",
  );
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), labRunner, cli, ...args],
    { stdio: 'inherit' },
  );
  process.exit(run.status ?? 1);
}

// No lab here: a namespace with loopback only. Network checks will (correctly) report no network.
const name = `ttry-${process.pid}`;
const etc = `/etc/netns/${name}`;
console.error(
  `npm run try: running in network namespace ${name}, which has loopback only (nothing leaves this machine; the network checks will report no connection).`,
);
spawnSync('ip', ['netns', 'add', name]);
try {
  spawnSync('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
  mkdirSync(etc, { recursive: true });
  writeFileSync(join(etc, 'resolv.conf'), 'nameserver 127.0.0.1\n');
  const run = spawnSync('ip', ['netns', 'exec', name, process.execPath, cli, ...args], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  spawnSync('ip', ['netns', 'del', name]);
  rmSync(etc, { recursive: true, force: true });
}
