/**
 * Checks a probe's data against its descriptor's field docs, so the docs (and the schema built
 * from them) stay true: every path in the data is documented with the right type, and every
 * documented field is present (null where the OS did not say).
 */
import type { FieldDoc, FieldType } from './types';

function typeMatches(type: FieldType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'number[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v));
    case 'object[]':
      return (
        Array.isArray(value) && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))
      );
  }
}

/** The parent path of a field path: `a[].b` → `a`, `a.b` → `a`, `a` → ''. */
export function parentPath(path: string): string {
  const index = path.lastIndexOf('.');
  if (index < 0) return '';
  const parent = path.slice(0, index);
  return parent.endsWith('[]') ? parent.slice(0, -2) : parent;
}

/** Problems with the field docs themselves (paths whose parents are missing or of the wrong type). */
export function checkFieldDocs(fields: Readonly<Record<string, FieldDoc>>): string[] {
  const problems: string[] = [];
  for (const [path, doc] of Object.entries(fields)) {
    if (!/^[a-zA-Z][a-zA-Z0-9]*(\[\]\.[a-zA-Z][a-zA-Z0-9]*|\.[a-zA-Z][a-zA-Z0-9]*)*$/.test(path)) {
      problems.push(`${path}: not a field path (camelCase names joined by '.', arrays marked '[]')`);
    }
    if (doc.description.trim().length < 8) problems.push(`${path}: needs a real description`);
    const parent = parentPath(path);
    if (parent === '') continue;
    const parentDoc = fields[parent];
    const viaArray = path.startsWith(`${parent}[].`);
    if (!parentDoc) problems.push(`${path}: its parent ${parent} is not documented`);
    else if (viaArray && parentDoc.type !== 'object[]')
      problems.push(`${path}: ${parent} must be object[] to have [] children`);
    else if (!viaArray && parentDoc.type !== 'object')
      problems.push(`${path}: ${parent} must be object to have children`);
  }
  return problems;
}

/**
 * Problems with one piece of data against the docs; empty when it conforms. Strict, for Triage's own
 * probes (the conformance test): every field must be documented. Bundles, which may come from a
 * newer Triage, are checked by main/bundle/probe-data.ts, which allows fields it does not know.
 */
export function checkData(fields: Readonly<Record<string, FieldDoc>>, data: unknown): string[] {
  const problems: string[] = [];
  const visit = (value: Record<string, unknown>, prefix: string): void => {
    // Every documented child of this object must be present. `prefix` is '' (the root), `a` (an
    // object field) or `a[]` (an element of an object[] field); children are one name further.
    const childPrefix = prefix === '' ? '' : `${prefix}.`;
    for (const [path, doc] of Object.entries(fields)) {
      if (!path.startsWith(childPrefix)) continue;
      const key = path.slice(childPrefix.length);
      if (key.includes('.')) continue;
      if (!(key in value)) problems.push(`${path}: documented but missing`);
      else if (value[key] === null && !doc.nullable)
        problems.push(`${path}: is null but not documented as nullable`);
    }
    for (const [key, child] of Object.entries(value)) {
      const path = `${childPrefix}${key}`;
      const doc = fields[path];
      if (!doc) {
        problems.push(`${path}: not documented in the descriptor`);
        continue;
      }
      if (child === null) continue;
      if (!typeMatches(doc.type, child)) {
        problems.push(`${path}: expected ${doc.type}, got ${Array.isArray(child) ? 'array' : typeof child}`);
        continue;
      }
      if (doc.enum && typeof child === 'string' && !doc.enum.includes(child))
        problems.push(`${path}: "${child}" is not one of ${doc.enum.join(', ')}`);
      if (doc.type === 'object') visit(child as Record<string, unknown>, path);
      if (doc.type === 'object[]')
        for (const item of child as Record<string, unknown>[]) visit(item, `${path}[]`);
    }
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return ['data: must be an object'];
  visit(data as Record<string, unknown>, '');
  return [...new Set(problems)];
}
