/**
 * The machine at a glance: the handful of facts a technician reads first (report.html, `inspect`),
 * and the ones `diff` compares between two bundles. Each fact tolerates missing data: a probe that
 * failed or was left out simply gives no line.
 */
import { probeData } from '../../probes/report';
import type { Report } from '../report';

export interface Fact {
  readonly label: string;
  readonly value: string;
}

const PLATFORM_LABEL = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' } as const;

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

const SUPPORT_TEXT = {
  supported: (endsOn: string | null) => `supported${endsOn ? ` until ${endsOn}` : ''}`,
  'ending-soon': (endsOn: string | null) => `support ends ${endsOn ?? 'soon'}`,
  unsupported: (endsOn: string | null) => `OUT OF SUPPORT${endsOn ? ` since ${endsOn}` : ''}`,
  unknown: () => 'unknown',
} as const;

export function formatDuration(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  return days > 0 ? `${days} d ${hours} h` : `${hours} h ${Math.floor((seconds % 3600) / 60)} min`;
}

export function keyFacts(report: Report): Fact[] {
  const facts: Fact[] = [];
  const add = (label: string, value: string | null | undefined): void => {
    if (value !== null && value !== undefined && value !== '') facts.push({ label, value });
  };
  add('Computer', report.host.hostname);
  add('User', report.host.user);
  add(
    'System',
    `${PLATFORM_LABEL[report.host.platform]} — ${report.host.osName} ${report.host.osVersion} (${report.host.architecture})`,
  );
  const cpu = probeData(report.run, 'hardware.cpu');
  if (cpu)
    add(
      'Processor',
      `${cpu.model}, ${cpu.logicalCores} logical cores${cpu.loadPercent === null ? '' : `, ${cpu.loadPercent}% busy`}${cpu.virtualMachine ? ' (virtual machine)' : ''}`,
    );
  const info = probeData(report.run, 'os.info');
  if (info) add('Support', SUPPORT_TEXT[info.supportStatus](info.supportEndsOn));
  const uptime = probeData(report.run, 'os.uptime');
  if (uptime)
    add(
      'Up since',
      `${uptime.bootTime} (${formatDuration(uptime.uptimeSeconds)})${uptime.fastStartupEnabled ? ', Fast Startup on' : ''}`,
    );
  const reboot = probeData(report.run, 'os.reboot-pending');
  if (reboot?.pending) add('Restart pending', reboot.reasons.map((r) => r.description).join('; ') || 'yes');
  const updates = probeData(report.run, 'os.updates');
  if (updates)
    add(
      'Updates',
      `${updates.lastInstalledAt ? `last installed ${updates.lastInstalledAt.slice(0, 10)}` : 'no installation on record'}${updates.pendingCount ? `, ${updates.pendingCount} waiting` : ''}`,
    );
  const memory = probeData(report.run, 'hardware.memory');
  if (memory)
    add(
      'Memory',
      `${formatBytes(memory.totalBytes)}${memory.usedPercent === null ? '' : `, ${memory.usedPercent}% in use`}${memory.pressure && memory.pressure !== 'normal' ? ` (${memory.pressure} pressure)` : ''}`,
    );
  const system = probeData(report.run, 'hardware.disks')?.volumes.find((v) => v.system);
  if (system)
    add('System disk', `${formatBytes(system.freeBytes)} free of ${formatBytes(system.totalBytes)}`);
  const battery = probeData(report.run, 'hardware.battery');
  if (battery?.present)
    add(
      'Battery',
      [
        battery.percent === null ? null : `${battery.percent}%`,
        battery.healthPercent === null ? null : `health ${battery.healthPercent}%`,
        battery.onAc ? 'on power' : null,
      ]
        .filter(Boolean)
        .join(', '),
    );
  const adapters =
    probeData(report.run, 'network.interfaces')?.interfaces.filter((i) => i.up && i.kind !== 'loopback') ??
    [];
  if (adapters.length)
    add(
      'Network',
      adapters
        .map(
          (i) =>
            `${i.name} (${i.kind}${i.ipv4[0] ? `, ${i.ipv4[0].address}` : ''}${i.wifi?.signalDbm ? `, ${i.wifi.signalDbm} dBm` : ''})`,
        )
        .join('; '),
    );
  const gateway = probeData(report.run, 'network.gateway');
  if (gateway)
    add(
      'Gateway',
      gateway.gateway
        ? `${gateway.gateway}${gateway.ping ? ` (${gateway.ping.lossPercent}% loss${gateway.ping.avgMs === null ? '' : `, ${gateway.ping.avgMs} ms`})` : ''}`
        : 'no default route',
    );
  const dns = probeData(report.run, 'network.dns');
  if (dns) add('DNS servers', dns.servers.map((d) => `${d.address} ${d.verdict}`).join(', ') || 'none');
  const ntp = probeData(report.run, 'network.ntp');
  if (ntp?.clockOffsetMs !== null && ntp?.clockOffsetMs !== undefined)
    add('Clock offset', `${(ntp.clockOffsetMs / 1000).toFixed(1)} s (from ${ntp.offsetFrom})`);
  const internet = probeData(report.run, 'network.connectivity');
  if (internet)
    add(
      'Internet',
      `${internet.check.outcome}${internet.proxy.server ? ` via proxy ${internet.proxy.server}` : ''}`,
    );
  const av = probeData(report.run, 'security.antivirus');
  if (av)
    add(
      'Antivirus',
      av.products
        .map((p) => `${p.name}${p.enabled === false ? ' (off)' : p.passive ? ' (passive)' : ''}`)
        .join(', ') || 'none found',
    );
  const disk = probeData(report.run, 'security.encryption')?.volumes.find((v) => v.system);
  if (disk) add('Encryption', `${disk.mount} ${disk.state}${disk.technology ? ` (${disk.technology})` : ''}`);
  return facts;
}
