/**
 * What changed between two reports of the same machine: findings that appeared or cleared, checks
 * whose status changed, and facts that changed (DNS servers, free space, a pending restart…).
 *
 * Facts are compared field by field along the probes' documented paths. Lists of objects are matched
 * by a natural key (name, mount point, address…) rather than by position, so a new volume shows as
 * one added volume, not as every later volume changing. Values that move on every run (CPU load,
 * uptime, timings) are left out: they would drown what matters.
 */
import { findProbe } from '../../probes/index';
import type { FieldDoc } from '../../probes/types';
import type { Report } from '../report';
import { formatBytes } from './facts';

export interface FindingRef {
  readonly id: string;
  readonly severity: string;
  readonly title: string;
}

export interface FactChange {
  readonly probe: string;
  /** Field path with list items named by their key, e.g. `volumes[C:].freeBytes`. */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface ReportDiff {
  readonly before: { readonly hostname: string; readonly createdAt: string };
  readonly after: { readonly hostname: string; readonly createdAt: string };
  readonly sameMachine: boolean;
  readonly appeared: readonly FindingRef[];
  readonly cleared: readonly FindingRef[];
  readonly severityChanged: readonly (FindingRef & { readonly was: string })[];
  readonly statusChanged: readonly {
    readonly probe: string;
    readonly before: string;
    readonly after: string;
  }[];
  readonly facts: readonly FactChange[];
}

/** Fields that change on every run and say nothing about what changed on the machine. */
const VOLATILE =
  /(^|\.)(loadPercent|cpuPercent|uptimeSeconds|bootTime|localTime|now|durationMs|roundTripMs|avgMs|minMs|maxMs|secondsLeft|ageDays|daysSince\w*|lastChecked\w*|sampledAt)$/;
/** Whole probes whose content is a snapshot of activity, not configuration. */
const VOLATILE_PROBES = new Set(['os.processes']);
/** Keys that name a list item, tried in order. */
const ITEM_KEYS = [
  'id',
  'name',
  'mount',
  'mountPoint',
  'letter',
  'device',
  'interface',
  'server',
  'address',
  'path',
  'product',
];
/** Numbers that move by less than this fraction are noise (free space shifts by megabytes all day). */
const NUMBER_TOLERANCE = 0.02;

function findingKey(finding: { id: string; params: Readonly<Record<string, string | number>> }): string {
  // String parameters name the thing (a volume, a server); numbers are measurements that drift.
  const names = Object.entries(finding.params)
    .filter(([, v]) => typeof v === 'string')
    .sort(([a], [b]) => a.localeCompare(b));
  return `${finding.id}|${JSON.stringify(names)}`;
}

function itemKey(item: unknown, index: number): string {
  if (item !== null && typeof item === 'object') {
    for (const key of ITEM_KEYS) {
      const value = (item as Record<string, unknown>)[key];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
  }
  return `#${index}`;
}

/** Flattens data into `path → value`, lists of objects keyed by their natural key. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) {
      out.set(prefix, (value as unknown[]).map(String).sort().join(', '));
      return out;
    }
    value.forEach((item, index) => flatten(item, `${prefix}[${itemKey(item, index)}]`, out));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>))
      flatten(child, prefix === '' ? key : `${prefix}.${key}`, out);
    return out;
  }
  out.set(prefix, value);
  return out;
}

function docPath(path: string): string {
  return path.replace(/\[[^\]]*\]/g, '[]');
}

function meaningfullyDifferent(before: unknown, after: unknown): boolean {
  if (typeof before === 'number' && typeof after === 'number') {
    const scale = Math.max(Math.abs(before), Math.abs(after));
    return scale !== 0 && Math.abs(before - after) / scale > NUMBER_TOLERANCE;
  }
  return before !== after;
}

export function diffReports(before: Report, after: Report): ReportDiff {
  const ref = (f: Report['findings'][number]): FindingRef => ({
    id: f.id,
    severity: f.severity,
    title: f.title,
  });
  const beforeFindings = new Map(before.findings.map((f) => [findingKey(f), f]));
  const afterFindings = new Map(after.findings.map((f) => [findingKey(f), f]));
  const appeared = [...afterFindings].filter(([k]) => !beforeFindings.has(k)).map(([, f]) => ref(f));
  const cleared = [...beforeFindings].filter(([k]) => !afterFindings.has(k)).map(([, f]) => ref(f));
  const severityChanged = [...afterFindings]
    .filter(([k, f]) => beforeFindings.has(k) && beforeFindings.get(k)?.severity !== f.severity)
    .map(([k, f]) => ({ ...ref(f), was: beforeFindings.get(k)?.severity ?? '' }));

  const statusChanged: { probe: string; before: string; after: string }[] = [];
  const facts: FactChange[] = [];
  const ids = [...new Set([...before.run.probes, ...after.run.probes].map((p) => p.id))];
  for (const id of ids) {
    const a = before.run.probes.find((p) => p.id === id);
    const b = after.run.probes.find((p) => p.id === id);
    if (a?.status !== b?.status)
      statusChanged.push({ probe: id, before: a?.status ?? 'absent', after: b?.status ?? 'absent' });
    if (VOLATILE_PROBES.has(id) || !a?.data || !b?.data) continue;
    const flatA = flatten(a.data);
    const flatB = flatten(b.data);
    for (const path of [...new Set([...flatA.keys(), ...flatB.keys()])].sort()) {
      if (VOLATILE.test(docPath(path))) continue;
      const va = flatA.has(path) ? flatA.get(path) : undefined;
      const vb = flatB.has(path) ? flatB.get(path) : undefined;
      if (meaningfullyDifferent(va, vb))
        facts.push({ probe: id, path, before: va ?? null, after: vb ?? null });
    }
  }
  return {
    before: { hostname: before.host.hostname, createdAt: before.createdAt },
    after: { hostname: after.host.hostname, createdAt: after.createdAt },
    sameMachine: before.host.hostname.toLowerCase() === after.host.hostname.toLowerCase(),
    appeared,
    cleared,
    severityChanged,
    statusChanged,
    facts,
  };
}

/** A value as a person reads it: sizes in GB, nothing as "(none)". */
export function formatValue(probe: string, path: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  const doc: FieldDoc | undefined = findProbe(probe)?.descriptor.fields[docPath(path)];
  if (typeof value === 'number' && doc?.unit === 'bytes') return formatBytes(value);
  if (typeof value === 'number' && doc?.unit) return `${value} ${doc.unit}`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
