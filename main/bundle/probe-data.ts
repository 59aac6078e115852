/**
 * Checks one probe's data, as read from a bundle, against the fields its descriptor declares, so
 * the code that shows a report (facts, diff, report.html, the technician view) only ever meets the
 * shapes its types promise. A bundle is hostile input: the data may have been edited and the hashes
 * recomputed.
 *
 * The rules:
 * - A declared field that is present must have its declared type: `integer` is Number.isInteger,
 *   `number` is finite, `x[]` fields are lists whose every element is checked, `enum` values are
 *   checked, and `null` is allowed only where the field is `nullable`.
 * - Fields the descriptor does not declare are allowed (a newer Triage adds fields) and are never
 *   walked: their depth or size cannot matter here.
 * - A declared field that is missing is allowed when it is nullable: an older Triage that did not
 *   know it did not say it, which is what `null` means ("the OS did not say"); `fillMissing` writes
 *   that null in, so readers see the shape their types promise. A missing field that is not
 *   nullable is a problem: Triage always writes it (the conformance test holds every probe to
 *   that), and the code that shows a report relies on it (`reasons.map`, `check.outcome`…).
 *   So a field added in a later format version must be declared nullable.
 * The walk is iterative (an explicit queue), bounded by the data's size, never by its depth.
 */
import type { FieldDoc, FieldType } from '../../probes/types';

export interface ProbeDataCheck {
  /** What is wrong, first `limit` of them, e.g. `os.reboot-pending: reasons is a string, not a list`. */
  readonly problems: readonly string[];
  /** How many there are in all (more than `problems.length` when some were left off). */
  readonly total: number;
}

const MAX_QUOTE = 60;

/**
 * A value quoted for a message: a string is JSON-quoted (so C0 controls are escaped), cut to about 60
 * characters, and with the C1 controls, line/paragraph separators and bidi overrides escaped too,
 * so no message can carry a raw control character to a terminal or a page.
 */
export function quote(value: string | number): string {
  // A number prints as JSON does and holds nothing to escape.
  if (typeof value === 'number') return String(value);
  const text = value;
  const cut = text.length > MAX_QUOTE;
  const quoted = JSON.stringify(cut ? text.slice(0, MAX_QUOTE) : text).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return cut ? `${quoted}…` : quoted;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const EXPECTED: Readonly<Record<FieldType, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  'string[]': 'a list',
  'number[]': 'a list',
  'object[]': 'a list',
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Why a scalar does not fit its type (or its enum), or null when it does. */
function scalarProblem(
  type: 'string' | 'number' | 'integer' | 'boolean',
  value: unknown,
  choices: readonly string[] | undefined,
): string | null {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') return `is ${kind(value)}, not a string`;
      if (choices && !choices.includes(value))
        return `is ${quote(value)}, not one of ${choices.slice(0, 6).join(', ')}${choices.length > 6 ? ', …' : ''}`;
      return null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `is ${kind(value)}, not a number`;
    case 'integer':
      if (typeof value !== 'number') return `is ${kind(value)}, not a whole number`;
      return Number.isInteger(value) ? null : `is ${quote(value)}, not a whole number`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `is ${kind(value)}, not true or false`;
  }
}

interface Child {
  readonly key: string;
  readonly path: string;
  readonly doc: FieldDoc;
}

/** The declared children of each object in the data, by the descriptor path of that object ('' is the root). */
function childrenByParent(fields: Readonly<Record<string, FieldDoc>>): Map<string, Child[]> {
  const byParent = new Map<string, Child[]>();
  for (const [path, doc] of Object.entries(fields)) {
    const dot = path.lastIndexOf('.');
    const parent = dot < 0 ? '' : path.slice(0, dot);
    const key = path.slice(dot + 1);
    const list = byParent.get(parent) ?? [];
    list.push({ key, path, doc });
    byParent.set(parent, list);
  }
  return byParent;
}

/**
 * Problems with one probe's data (`data` of its envelope or file) against its descriptor's fields;
 * none when it fits. `null` data (the probe gave none) always fits.
 */
export function checkProbeData(
  id: string,
  fields: Readonly<Record<string, FieldDoc>>,
  data: unknown,
  options: { limit?: number; fillMissing?: boolean } = {},
): ProbeDataCheck {
  const limit = options.limit ?? 100;
  const problems: string[] = [];
  let total = 0;
  const problem = (where: string, what: string): void => {
    total += 1;
    if (problems.length < limit) problems.push(`${id}: ${where} ${what}`);
  };
  if (data === null) return { problems, total };
  if (!isObject(data)) {
    problem('its data', `is ${kind(data)}, not an object`);
    return { problems, total };
  }
  const children = childrenByParent(fields);
  // Each entry: an object of the data, the descriptor path of its fields' parent (`check`,
  // `targets[]`), and where it is for a reader (`targets[2]`).
  // A queue rather than a stack, so problems come in the order a reader meets the fields.
  const queue: { value: Record<string, unknown>; parent: string; shown: string }[] = [
    { value: data, parent: '', shown: '' },
  ];
  for (let at = 0; at < queue.length; at += 1) {
    const { value, parent, shown } = queue[at] ?? { value: {}, parent: '', shown: '' };
    for (const { key, path, doc } of children.get(parent) ?? []) {
      const where = shown === '' ? key : `${shown}.${key}`;
      if (!Object.hasOwn(value, key)) {
        if (!doc.nullable) problem(where, 'is missing');
        else if (options.fillMissing) value[key] = null;
        continue;
      }
      const child = value[key];
      if (child === null) {
        if (!doc.nullable) problem(where, `is null, not ${EXPECTED[doc.type]}`);
        continue;
      }
      switch (doc.type) {
        case 'string':
        case 'number':
        case 'integer':
        case 'boolean': {
          const why = scalarProblem(doc.type, child, doc.enum);
          if (why) problem(where, why);
          break;
        }
        case 'object':
          if (isObject(child)) queue.push({ value: child, parent: path, shown: where });
          else problem(where, `is ${kind(child)}, not an object`);
          break;
        case 'string[]':
        case 'number[]':
        case 'object[]': {
          if (!Array.isArray(child)) {
            problem(where, `is ${kind(child)}, not a list`);
            break;
          }
          const items: readonly unknown[] = child;
          for (let i = 0; i < items.length; i += 1) {
            const item = items[i];
            if (doc.type === 'object[]') {
              if (isObject(item)) queue.push({ value: item, parent: `${path}[]`, shown: `${where}[${i}]` });
              else problem(`${where}[${i}]`, `is ${kind(item)}, not an object`);
            } else {
              const why = scalarProblem(doc.type === 'string[]' ? 'string' : 'number', item, doc.enum);
              if (why) problem(`${where}[${i}]`, why);
            }
          }
          break;
        }
      }
    }
  }
  return { problems, total };
}
