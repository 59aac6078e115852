/**
 * Generates the published bundle format: JSON Schema files (schemas/) and the field-by-field
 * reference (docs/bundle-format.md), from the bundle's Zod declarations and the probe descriptors.
 * `npm run schemas` writes them; a test fails when the committed files are out of date.
 */
import { z } from 'zod';
import { ALL_PROBES } from '../../probes/index';
import type { FieldDoc, ProbeDescriptor } from '../../probes/types';
import { REDACTED_KINDS, REDACTION_LEVELS } from './redact';
import { BUNDLE_SCHEMA_VERSION, findingsFileSchema, manifestSchema } from './schema';

type JsonSchema = Record<string, unknown>;

const SCHEMA_BASE = 'https://triage.invalid/schemas';

function fieldSchema(doc: FieldDoc, children: JsonSchema | null): JsonSchema {
  const scalar = (type: string): JsonSchema => ({ type });
  let schema: JsonSchema;
  switch (doc.type) {
    case 'string':
      schema = doc.enum ? { type: 'string', enum: [...doc.enum] } : scalar('string');
      break;
    case 'number':
    case 'integer':
    case 'boolean':
      schema = scalar(doc.type);
      break;
    case 'object':
      schema = children ?? { type: 'object' };
      break;
    case 'string[]':
      schema = { type: 'array', items: { type: 'string' } };
      break;
    case 'number[]':
      schema = { type: 'array', items: { type: 'number' } };
      break;
    case 'object[]':
      schema = { type: 'array', items: children ?? { type: 'object' } };
      break;
  }
  if (doc.nullable) schema = { anyOf: [schema, { type: 'null' }] };
  return {
    description: doc.description,
    ...(doc.unit ? { 'x-unit': doc.unit } : {}),
    ...(doc.sensitive ? { 'x-sensitive': doc.sensitive } : {}),
    ...schema,
  };
}

/** The JSON Schema of one probe's data, from its descriptor's field docs. */
export function probeDataSchema(descriptor: ProbeDescriptor): JsonSchema {
  const objectAt = (prefix: string): JsonSchema => {
    const childPrefix = prefix === '' ? '' : `${prefix}.`;
    const properties: Record<string, JsonSchema> = {};
    for (const [path, doc] of Object.entries(descriptor.fields)) {
      if (!path.startsWith(childPrefix)) continue;
      const key = path.slice(childPrefix.length);
      if (key.includes('.')) continue;
      const children =
        doc.type === 'object' ? objectAt(path) : doc.type === 'object[]' ? objectAt(`${path}[]`) : null;
      properties[key] = fieldSchema(doc, children);
    }
    return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
  };
  return objectAt('');
}

function toJsonSchema(schema: z.ZodType, id: string, title: string): JsonSchema {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as JsonSchema;
  return {
    ...generated,
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${SCHEMA_BASE}/${id}`,
    title,
  };
}

/** Every schema file, by path relative to the repository root, as pretty JSON. */
export function generateSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const write = (path: string, schema: JsonSchema): void => {
    files.set(path, `${JSON.stringify(schema, null, 2)}\n`);
  };
  write(
    'schemas/manifest.schema.json',
    toJsonSchema(
      manifestSchema,
      'manifest.schema.json',
      `Triage bundle manifest (format ${BUNDLE_SCHEMA_VERSION})`,
    ),
  );
  write(
    'schemas/findings.schema.json',
    toJsonSchema(
      findingsFileSchema,
      'findings.schema.json',
      `Triage findings (format ${BUNDLE_SCHEMA_VERSION})`,
    ),
  );
  for (const { descriptor } of ALL_PROBES) {
    write(`schemas/probes/${descriptor.id}.schema.json`, {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `${SCHEMA_BASE}/probes/${descriptor.id}.schema.json`,
      title: `probes/${descriptor.id}.json — ${descriptor.title}`,
      description: descriptor.description,
      type: 'object',
      properties: {
        id: { const: descriptor.id },
        status: { enum: ['ok', 'partial', 'unsupported', 'timeout', 'error'] },
        data: { anyOf: [probeDataSchema(descriptor), { type: 'null' }] },
      },
      required: ['id', 'status', 'data'],
      additionalProperties: false,
    });
  }
  return files;
}

/** Rows of a markdown table for a JSON Schema object, recursively, with dotted paths. */
function schemaRows(schema: JsonSchema, prefix = ''): string[] {
  const rows: string[] = [];
  const unwrap = (s: JsonSchema): JsonSchema => {
    const any = s.anyOf as JsonSchema[] | undefined;
    return any ? (any.find((x) => x.type !== 'null') ?? s) : s;
  };
  const properties = (unwrap(schema).properties ?? {}) as Record<string, JsonSchema>;
  for (const [key, raw] of Object.entries(properties)) {
    const s = unwrap(raw);
    const path = `${prefix}${key}`;
    const nullable = Array.isArray(raw.anyOf) && (raw.anyOf as JsonSchema[]).some((x) => x.type === 'null');
    const items = s.type === 'array' ? unwrap((s.items ?? {}) as JsonSchema) : null;
    const typeName = (t: unknown): string =>
      Array.isArray(t) ? t.filter((x) => x !== 'null').join(' or ') : String(t);
    const nullableType = nullable || (Array.isArray(s.type) && s.type.includes('null'));
    const type =
      s.type === 'array'
        ? `${typeName(items?.type ?? 'any')}[]`
        : typeName(s.type ?? (s.enum ? 'enum' : s.const !== undefined ? 'const' : 'any'));
    const extras = [
      typeof raw['x-unit'] === 'string' ? `unit: ${raw['x-unit']}` : '',
      typeof raw['x-sensitive'] === 'string' ? `**sensitive: ${raw['x-sensitive']}**` : '',
      s.enum ? `one of ${(s.enum as unknown[]).map((e) => `\`${String(e)}\``).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const described = raw.description ?? s.description;
    const description = (typeof described === 'string' ? described : '').replace(/\|/g, '\\|');
    rows.push(
      `| \`${path}\` | ${type}${nullableType ? ' or null' : ''} | ${description}${extras ? ` (${extras})` : ''} |`,
    );
    if (s.type === 'object' && s.properties) rows.push(...schemaRows(s, `${path}.`));
    if (items?.type === 'object' && items.properties) rows.push(...schemaRows(items, `${path}[].`));
  }
  return rows;
}

const TABLE_HEAD = ['| Field | Type | Meaning |', '|---|---|---|'];

/** docs/bundle-format.md, generated. */
export function generateFormatDoc(): string {
  const files = generateSchemaFiles();
  const parse = (path: string): JsonSchema => JSON.parse(files.get(path) ?? '{}') as JsonSchema;
  const kinds = (level: (typeof REDACTION_LEVELS)[number]): string =>
    [...REDACTED_KINDS[level]].map((k) => `\`${k}\``).join(', ');
  const lines = [
    '# The Triage bundle format',
    '',
    `<!-- Generated by \`npm run schemas\` from main/bundle/schema.ts and the probe descriptors. Do not edit by hand. -->`,
    '',
    `Format version **${BUNDLE_SCHEMA_VERSION}**. A bundle is a zip file holding:`,
    '',
    '| File | What it holds | Schema |',
    '|---|---|---|',
    "| `manifest.json` | What the bundle is: format and Triage versions, the machine, the user's words, every probe's status, duration, commands and errors, the redaction applied, and the SHA-256 of every other file | [schemas/manifest.schema.json](../schemas/manifest.schema.json) |",
    '| `findings.json` | The findings, most important first, with their words and evidence | [schemas/findings.schema.json](../schemas/findings.schema.json) |',
    "| `probes/<id>.json` | One probe's raw facts | `schemas/probes/<id>.schema.json` |",
    '| `report.html` | All of it for a person: self-contained, no network, printable | — |',
    "| `triage.log` | Triage's own log of the run | — |",
    '',
    '## Versions',
    '',
    'The version is `major.minor`. A new minor version only adds optional fields or files, so a reader',
    'accepts every minor version of its major. A bundle of a newer major version is refused with a',
    'message to update Triage; `triage verify` and the technician view say so in words.',
    '',
    '## Redaction',
    '',
    'Probes declare which fields hold personal or secret data (`sensitive` below). At the level chosen',
    'when the bundle is written, those values become placeholders such as `[user-1]` or `[ip-2]`; the',
    'same value always gets the same placeholder within one bundle, and every other occurrence of the',
    'value (in a path, a log line, a finding) is replaced too. Free text is also scrubbed: secrets in',
    'command lines and key=value strings, e-mail addresses, user names in home-folder paths.',
    '',
    '| Level | Replaced |',
    '|---|---|',
    ...REDACTION_LEVELS.map((level) => `| \`${level}\` | ${kinds(level)} |`),
    '',
    "Secrets are removed at every level. The user's own contact details are kept as they typed them.",
    '',
    '## manifest.json',
    '',
    ...TABLE_HEAD,
    ...schemaRows(parse('schemas/manifest.schema.json')),
    '',
    '## findings.json',
    '',
    ...TABLE_HEAD,
    ...schemaRows(parse('schemas/findings.schema.json')),
    '',
    '## Probes',
    '',
    'Each `probes/<id>.json` holds `{ "id", "status", "data" }`; `data` is null when the probe gave none',
    '(its reason is in the manifest). Unknown values are `null`, never missing.',
    '',
  ];
  for (const { descriptor } of ALL_PROBES) {
    const platforms = descriptor.platforms
      .map((p) => ({ win32: 'Windows', darwin: 'macOS', linux: 'Linux' })[p])
      .join(', ');
    lines.push(
      `### ${descriptor.id} — ${descriptor.title}`,
      '',
      `${descriptor.description} Runs on: ${platforms || 'none'}. Budget: ${descriptor.timeoutMs} ms.`,
      '',
    );
    lines.push(...TABLE_HEAD, ...schemaRows(probeDataSchema(descriptor)), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
