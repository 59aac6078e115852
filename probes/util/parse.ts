import { ProbeError } from '../errors';

/**
 * Small pure helpers shared by parsers. Parsers take text or JSON that came from outside
 * (a program, a script, a file) and must never throw on odd values: they return null instead.
 */

/** PowerShell's ConvertTo-Json turns a one-element array into the element itself; this undoes it. */
export function asArray<T>(value: T | readonly T[] | null | undefined): T[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? [...(value as readonly T[])] : [value as T];
}

export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function asInteger(value: unknown): number | null {
  const n = asNumber(value);
  return n === null ? null : Math.round(n);
}

export function asString(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

export function asBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['true', 'yes', '1', 'on', 'enabled'].includes(v)) return true;
    if (['false', 'no', '0', 'off', 'disabled'].includes(v)) return false;
  }
  return null;
}

/** A JSON object's property, or undefined when the value is not an object. */
export function prop(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return (value as Record<string, unknown>)[key];
  return undefined;
}

/** Parses `key: value` (or `key=value` with `separator`) lines into a map; later keys win. */
export function parseKeyValueLines(text: string, separator: string | RegExp = ':'): Map<string, string> {
  const result = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const index = typeof separator === 'string' ? line.indexOf(separator) : line.search(separator);
    if (index <= 0) continue;
    const key = line.slice(0, index).trim();
    const rest = line.slice(index).replace(separator, '');
    if (key) result.set(key, rest.trim());
  }
  return result;
}

/** Parses JSON from a program; bad output is an expected failure (`parse-error`) naming the program. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProbeError('parse-error', `${source} did not print valid JSON: ${(error as Error).message}`);
  }
}

/** Rounds to a fixed number of decimals, for percentages and sizes shown to people. */
export function round(value: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
