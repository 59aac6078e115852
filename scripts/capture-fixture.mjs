#!/usr/bin/env node
/**
 * Captures real output on this machine into a fixture file with the header tests/support/fixtures.ts reads.
 *
 *   node scripts/capture-fixture.mjs --probe hardware.cpu --scenario debian12-kvm --step cpuinfo --file /proc/cpuinfo
 *   node scripts/capture-fixture.mjs --probe hardware.disks --scenario debian12-kvm --step lsblk --command '["lsblk","-J","-b"]'
 *   node scripts/capture-fixture.mjs --probe hardware.battery --scenario debian12-kvm --step si --systeminformation battery
 *   node scripts/capture-fixture.mjs --probe hardware.battery --scenario debian12-kvm --step ps --dir /sys/class/power_supply
 *
 * The source line names this machine's OS and kernel and the date; add --note "..." for anything else
 * a reader should know (e.g. "a KVM guest: no battery, no Wi-Fi").
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    probe: { type: 'string' },
    scenario: { type: 'string' },
    step: { type: 'string' },
    file: { type: 'string' },
    dir: { type: 'string' },
    command: { type: 'string' },
    systeminformation: { type: 'string' },
    note: { type: 'string' },
  },
});
if (!values.probe || !values.scenario || !values.step) {
  console.error(
    'usage: capture-fixture.mjs --probe ID --scenario NAME --step NAME (--file P | --dir P | --command JSON | --systeminformation FN) [--note TEXT]',
  );
  process.exit(2);
}
const osFolder = { win32: 'windows', darwin: 'macos', linux: 'linux' }[process.platform];
const release = (() => {
  try {
    return /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
})();
const kernel = execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim();
const header = [
  `# source: captured on ${release} (kernel ${kernel}) on ${new Date().toISOString().slice(0, 10)} by scripts/capture-fixture.mjs${values.note ? `; ${values.note}` : ''}`,
  '# evidence: captured',
];
let body;
if (values.file) {
  header.push(`# file: ${values.file}`);
  body = readFileSync(values.file, 'utf8');
} else if (values.dir) {
  header.push(`# dir: ${values.dir}`);
  body = readdirSync(values.dir).sort().join('\n') + '\n';
} else if (values.command) {
  const argv = JSON.parse(values.command);
  header.push(`# command: ${JSON.stringify(argv)}`);
  const result = spawnSync(argv[0], argv.slice(1), {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) header.push(`# exit: ${result.status}`);
  body = result.stdout;
} else if (values.systeminformation) {
  const si = (await import('systeminformation')).default;
  header.push(`# systeminformation: ${values.systeminformation}`);
  body = JSON.stringify(await si[values.systeminformation](), null, 2) + '\n';
} else {
  console.error('say what to capture: --file, --dir, --command or --systeminformation');
  process.exit(2);
}
const dir = join('tests', 'fixtures', osFolder, values.probe);
mkdirSync(dir, { recursive: true });
const path = join(dir, `${values.scenario}.${values.step}.txt`);
writeFileSync(path, `${header.join('\n')}\n# ---\n${body}`);
console.log(`wrote ${path}`);
