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

export function keyFacts(report: Report): Fact[] {
  const facts: Fact[] = [];
  const add = (label: string, value: string | null | undefined): void => {
    if (value !== null && value !== undefined && value !== '') facts.push({ label, value });
  };
  add('Computer', report.host.hostname);
  add('User', report.host.user);
  add('System', `${PLATFORM_LABEL[report.host.platform]} — ${report.host.osName} ${report.host.osVersion} (${report.host.architecture})`);
  const cpu = probeData(report.run, 'hardware.cpu');
  if (cpu) add('Processor', `${cpu.model}, ${cpu.logicalCores} logical cores${cpu.loadPercent === null ? '' : `, ${cpu.loadPercent}% busy`}${cpu.virtualMachine ? ' (virtual machine)' : ''}`);
  return facts;
}
