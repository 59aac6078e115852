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

/**
 * Flattens data into `path → value`, lists of objects keyed by their natural key. Iterative, with an
 * explicit stack: bundle data is untrusted, and its depth must not decide whether Triage's stack holds.
 */
export function flatten(value: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const stack: { value: unknown; prefix: string }[] = [{ value, prefix: '' }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: current, prefix } = next;
    if (Array.isArray(current)) {
      const items = current as unknown[];
      if (items.every((v) => v === null || typeof v !== 'object'))
        out.set(prefix, items.map(String).sort().join(', '));
      else
        items.forEach((item, index) =>
          stack.push({ value: item, prefix: `${prefix}[${itemKey(item, index)}]` }),
        );
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current as Record<string, unknown>))
        stack.push({ value: child, prefix: prefix === '' ? key : `${prefix}.${key}` });
    } else out.set(prefix, current);
  }
  return out;
}

function docPath(path: string): string {
  return path.replace(/\[[^\]]*\]/g, '[]');
}

/** Absent, null and empty all read "(none)": going from one to another is no change. */
const nothing = (value: unknown): boolean => value === null || value === undefined || value === '';

function meaningfullyDifferent(before: unknown, after: unknown): boolean {
  if (nothing(before) && nothing(after)) return false;
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
  // Maps, not a search per probe: a manifest can list any number of probes (linear, not quadratic).
  const probesA = new Map(before.run.probes.map((p) => [p.id, p]));
  const probesB = new Map(after.run.probes.map((p) => [p.id, p]));
  for (const id of new Set([...probesA.keys(), ...probesB.keys()])) {
    const a = probesA.get(id);
    const b = probesB.get(id);
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
