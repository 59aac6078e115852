/**
 * What changed between two reports of the same machine: findings that appeared or cleared, checks
 * whose status changed, and facts that changed (DNS servers, free space, a pending restart…).
 *
 * The earlier capture is always "before", whichever bundle was given first: a technician opening
 * the newer bundle and then an older one must not read every fix as a new problem.
 *
 * Facts are compared field by field along the probes' documented paths. Lists of objects are matched
 * by a natural key (name, mount point, address…) rather than by position, and an item on one side
 * only is one line: a new volume is one added volume, a renamed adapter one removed and one added,
 * not a line per field. Unchanged values, and "nothing" becoming another kind of nothing (absent,
 * null, "", []), give no line. Values that move on every run (CPU load, uptime, timings) are left
 * out: they would drown what matters. The CLI (`triage diff`) and the app show this same result.
 */
import { renderFinding } from '../../probes/findings/evaluate';
import type { Locale } from '../../probes/findings/messages';
import type { Severity } from '../../probes/findings/types';
import { findProbe } from '../../probes/index';
import type { FieldDoc } from '../../probes/types';
import type { Report } from '../report';
import { formatBytes } from './facts';

export interface FindingRef {
  readonly id: string;
  readonly severity: Severity;
  /** As the bundle stored it, in the user's language; readers re-render from id and params. */
  readonly title: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface FactChange {
  readonly probe: string;
  /** Field path with list items named by their key, e.g. `volumes[C:].freeBytes`. */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
  /**
   * Set when a whole list item came or went (an adapter renamed or replaced, a volume added): `path`
   * names the item (`interfaces[eth1]`), before/after hold its key or null. One line, not one per field.
   */
  readonly item?: 'added' | 'removed';
  /** How to show the values: 'bytes' as a size (KB, GB), another unit after the number, null plain. */
  readonly unit: string | null;
}

export interface ReportDiff {
  /** The earlier capture, whichever bundle was given (or opened) first. */
  readonly before: { readonly hostname: string; readonly createdAt: string };
  readonly after: { readonly hostname: string; readonly createdAt: string };
  /** The bundles were given later-first and have been put in capture order. */
  readonly swapped: boolean;
  readonly sameMachine: boolean;
  readonly appeared: readonly FindingRef[];
  readonly cleared: readonly FindingRef[];
  readonly severityChanged: readonly (FindingRef & { readonly was: Severity })[];
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

/** A list's items by their natural key; a repeated key gets the item's position, so none is lost. */
function keyedItems(list: readonly unknown[]): Map<string, unknown> {
  const items = new Map<string, unknown>();
  list.forEach((item, index) => {
    const key = itemKey(item, index);
    items.set(items.has(key) ? `${key}#${index}` : key, item);
  });
  return items;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
/** A list of scalars is one value ("8.8.8.8, 1.1.1.1"); a list with objects in it is walked item by item. */
const isObjectList = (v: unknown): v is unknown[] =>
  Array.isArray(v) && v.some((item) => item !== null && typeof item === 'object');
const scalar = (v: unknown): unknown => (Array.isArray(v) ? v.map(String).sort().join(', ') : v);

function docPath(path: string): string {
  return path.replace(/\[[^\]]*\]/g, '[]');
}

/** Absent, null, empty and [] all read "(none)": going from one to another is no change. */
const nothing = (value: unknown): boolean => value === null || value === undefined || value === '';

function meaningfullyDifferent(before: unknown, after: unknown): boolean {
  if (nothing(before) && nothing(after)) return false;
  if (typeof before === 'number' && typeof after === 'number') {
    const scale = Math.max(Math.abs(before), Math.abs(after));
    return scale !== 0 && Math.abs(before - after) / scale > NUMBER_TOLERANCE;
  }
  return before !== after;
}

/**
 * How a field's numbers read. Only amounts of storage or memory (fields named `…Bytes`) read as
 * sizes: an MTU is documented in bytes but is a packet limit everyone writes as "1500".
 */
export function unitOf(probe: string, path: string): string | null {
  const doc: FieldDoc | undefined = findProbe(probe)?.descriptor.fields[docPath(path)];
  if (!doc?.unit || doc.unit === 'count') return null;
  if (doc.unit === 'bytes') return /Bytes$/.test(path) ? 'bytes' : null;
  return doc.unit;
}

/**
 * The two data trees walked side by side. Iterative, with an explicit stack: bundle data is
 * untrusted, and its depth must not decide whether Triage's stack holds. Each node is visited once,
 * so the walk is linear in the data whatever its shape.
 */
function compareData(probe: string, a: unknown, b: unknown): FactChange[] {
  const facts: FactChange[] = [];
  const stack: { a: unknown; b: unknown; path: string }[] = [{ a, b, path: '' }];
  const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { path } = next;
    if (isObjectList(next.a) || isObjectList(next.b)) {
      const itemsA = keyedItems(Array.isArray(next.a) ? next.a : []);
      const itemsB = keyedItems(Array.isArray(next.b) ? next.b : []);
      for (const key of new Set([...itemsA.keys(), ...itemsB.keys()])) {
        const itemPath = `${path}[${key}]`;
        if (itemsA.has(key) && itemsB.has(key))
          stack.push({ a: itemsA.get(key), b: itemsB.get(key), path: itemPath });
        else
          facts.push({
            probe,
            path: itemPath,
            before: itemsA.has(key) ? key : null,
            after: itemsB.has(key) ? key : null,
            item: itemsA.has(key) ? 'removed' : 'added',
            unit: null,
          });
      }
    } else if (isObject(next.a) || isObject(next.b)) {
      const objA = isObject(next.a) ? next.a : {};
      const objB = isObject(next.b) ? next.b : {};
      for (const key of new Set([...Object.keys(objA), ...Object.keys(objB)]))
        stack.push({ a: objA[key], b: objB[key], path: join(path, key) });
    } else {
      const [va, vb] = [scalar(next.a), scalar(next.b)];
      if (!VOLATILE.test(docPath(path)) && meaningfullyDifferent(va, vb))
        facts.push({ probe, path, before: va ?? null, after: vb ?? null, unit: unitOf(probe, path) });
    }
  }
  return facts.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

/** Earlier first; equal or unreadable times keep the order given. */
function inCaptureOrder(a: Report, b: Report): [Report, Report, boolean] {
  const [ta, tb] = [Date.parse(a.createdAt), Date.parse(b.createdAt)];
  return ta > tb ? [b, a, true] : [a, b, false];
}

/** Compares two reports of a machine, the earlier capture as "before" whichever comes first. */
export function diffReports(first: Report, second: Report): ReportDiff {
  const [before, after, swapped] = inCaptureOrder(first, second);
  const ref = (f: Report['findings'][number]): FindingRef => ({
    id: f.id,
    severity: f.severity,
    title: f.title,
    params: f.params,
  });
  const beforeFindings = new Map(before.findings.map((f) => [findingKey(f), f]));
  const afterFindings = new Map(after.findings.map((f) => [findingKey(f), f]));
  const appeared = [...afterFindings].filter(([k]) => !beforeFindings.has(k)).map(([, f]) => ref(f));
  const cleared = [...beforeFindings].filter(([k]) => !afterFindings.has(k)).map(([, f]) => ref(f));
  const severityChanged = [...afterFindings]
    .filter(([k, f]) => beforeFindings.has(k) && beforeFindings.get(k)?.severity !== f.severity)
    .map(([k, f]) => ({ ...ref(f), was: beforeFindings.get(k)?.severity ?? f.severity }));

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
    facts.push(...compareData(id, a.data, b.data));
  }
  return {
    before: { hostname: before.host.hostname, createdAt: before.createdAt },
    after: { hostname: after.host.hostname, createdAt: after.createdAt },
    swapped,
    sameMachine: before.host.hostname.toLowerCase() === after.host.hostname.toLowerCase(),
    appeared,
    cleared,
    severityChanged,
    statusChanged,
    facts,
  };
}

/** A value as the CLI shows it: sizes in KB…TB, counts and MTUs as plain numbers, nothing as "(none)". */
export function formatValue(change: Pick<FactChange, 'unit'>, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'number' && change.unit === 'bytes') return formatBytes(value);
  if (typeof value === 'number' && change.unit) return `${value} ${change.unit}`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A finding's title in the reader's language, from its id and params (the bundle stores it in the
 * user's); the stored words for an id this version of Triage does not know.
 */
export function findingTitle(ref: FindingRef, locale: Locale = 'en'): string {
  try {
    const finding = { id: ref.id, severity: ref.severity, params: ref.params, evidence: [] };
    return renderFinding({ ...finding, area: 'general' }, locale).title;
  } catch {
    return ref.title;
  }
}
