/**
 * Reads a bundle that came from someone's machine: hostile until proven otherwise.
 *
 * - Nothing is ever written to disk: entries are read into memory, so an entry named
 *   `../../etc/cron.d/x` (zip-slip) has nowhere to go — and such names are refused anyway.
 * - Sizes are capped before and while inflating: the file, the number of entries, each entry, the
 *   total, and the compression ratio (a zip bomb is refused, not unpacked).
 * - The zip's structure is checked on the raw bytes first (zip.ts): an archive that zip tools could
 *   read in two ways (overlapping entries, names that differ between headers, junk around it, lying
 *   data descriptors, …) is refused, and so is an entry whose CRC-32 does not match its data.
 * - Only the names a bundle can hold are accepted; duplicates, encrypted entries, symlinks and
 *   anything else are refused with a message saying what is wrong.
 * - JSON is parsed and checked against the bundle schema; a newer major format (of manifest.json
 *   or findings.json) is refused with a message to update Triage; an older minor one is read.
 * - JSON nested deeper than any bundle is refused before it is parsed; a key twice in one object
 *   (JSON.parse silently keeps the last, other readers the first) is refused; so is a probe the
 *   manifest lists twice.
 * - `readBundle` (what `inspect`, `diff`, `verify`, `submit` and the technician view call) also
 *   holds each probe's data to its descriptor's fields (probe-data.ts), and so does
 *   `reportFromBundle`: a bundle whose data is not what Triage wrote is refused as a whole.
 * Every failure is a BundleError with a code and a sentence a technician can act on; nothing else
 * escapes (a bug in here is reported as `internal`).
 */
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import type { z } from 'zod';
import { findProbe } from '../../probes/index';
import type { Gap, OperationRecord, ProbeEnvelope, ProbeId, ProbeStatus } from '../../probes/types';
import type { Report } from '../report';
import { checkProbeData, quote } from './probe-data';
import {
  describeIssues,
  findingsFileSchema,
  manifestSchema,
  probeFileSchema,
  versionProblem,
  type BundleManifest,
  type FindingsFile,
  type ProbeFile,
} from './schema';
import { BundleError, checkArchive, DEFAULT_LIMITS, type BundleLimits, type ZipRecord } from './zip';

export { BundleError, DEFAULT_LIMITS, type BundleErrorCode, type BundleLimits } from './zip';

const ENTRY_NAME =
  /^(manifest\.json|findings\.json|report\.html|triage\.log|probes\/(hardware|os|network|security)\.[a-z][a-z0-9-]*\.json)$/;

export interface BundleContents {
  readonly manifest: BundleManifest;
  readonly findings: FindingsFile;
  /** Probe files by probe id. */
  readonly probes: ReadonlyMap<string, ProbeFile>;
  readonly html: string | null;
  readonly log: string | null;
  /** Every entry's bytes, by name, for hash checks. */
  readonly entries: ReadonlyMap<string, Buffer>;
}

/** yauzl's own refusals, in our words: unsafe names are refused as entries, the rest is damage. */
function zipError(error: Error): BundleError {
  const unsafeName = /^(invalid relative path|absolute path|invalid characters in fileName): (.*)$/.exec(
    error.message,
  );
  if (unsafeName)
    return new BundleError(
      'bad-entry',
      `The bundle holds an entry named "${(unsafeName[2] ?? '').slice(0, 80)}", which points outside the bundle or is not a valid name; it was refused.`,
    );
  return new BundleError('not-a-zip', `The bundle is damaged or truncated: ${error.message}.`);
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, decodeStrings: true },
      // yauzl passes no zip file with an error, whatever its type declarations say.
      (error, zip: yauzl.ZipFile | undefined) => {
        if (error || !zip)
          reject(
            new BundleError(
              'not-a-zip',
              `This is not a Triage bundle: it is not a readable zip file (${error?.message ?? 'no archive'}).`,
            ),
          );
        else resolve(zip);
      },
    );
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream: Readable | undefined) => {
      if (error || !stream) {
        reject(
          new BundleError('bad-entry', `${entry.fileName} cannot be read: ${error?.message ?? 'no data'}.`),
        );
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // The header's size is checked first, but a forged header is caught here while inflating.
        if (size > limit) {
          stream.destroy();
          reject(
            new BundleError(
              'zip-bomb',
              `${entry.fileName} unpacks to more than its declared or allowed size; the bundle was not read.`,
            ),
          );
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (e: Error) =>
        reject(
          new BundleError(
            'bad-entry',
            /too (many|few) bytes/.test(e.message)
              ? `${entry.fileName} does not match the size its header claims; the bundle is damaged or was tampered with.`
              : `${entry.fileName} is damaged: ${e.message}.`,
          ),
        ),
      );
      stream.on('end', () => {
        const content = Buffer.concat(chunks);
        // yauzl never checks CRCs; other tools do and would call this bundle damaged.
        const actual = crc32(content);
        if (actual !== entry.crc32)
          reject(
            new BundleError(
              'bad-checksum',
              `${entry.fileName} does not match its CRC-32 (the zip says ${hex(entry.crc32)}, its data gives ${hex(actual)}); the bundle is damaged or was altered.`,
            ),
          );
        else resolve(content);
      });
    });
  });
}

const hex = (n: number): string => n.toString(16).padStart(8, '0');

/** yauzl must read the archive exactly as checkArchive did; anything else is a differential we missed. */
function sameAsChecked(entry: yauzl.Entry, record: ZipRecord | undefined): boolean {
  return (
    record !== undefined &&
    entry.fileName === record.name &&
    entry.relativeOffsetOfLocalHeader === record.offset &&
    entry.compressedSize === record.compressedSize &&
    entry.uncompressedSize === record.uncompressedSize &&
    entry.crc32 === record.crc32
  );
}

/**
 * Unpacks the entries into memory: the structure and the limits are checked on the raw bytes first
 * (zip.ts), then yauzl inflates what was checked.
 */
export async function readEntries(
  buffer: Buffer,
  limits: BundleLimits = DEFAULT_LIMITS,
): Promise<Map<string, Buffer>> {
  const records = checkArchive(buffer, limits);
  const zip = await openZip(buffer);
  const entries = new Map<string, Buffer>();
  let index = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) => reject(error instanceof BundleError ? error : zipError(error)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          const name = entry.fileName;
          if (!sameAsChecked(entry, records[index++]))
            throw new BundleError(
              'inconsistent-zip',
              `The zip reads differently in two ways at ${JSON.stringify(name.slice(0, 80))}; it was refused.`,
            );
          // The one folder a bundle has, as some zip tools add it (checkArchive made sure it is empty).
          if (name === 'probes/') return zip.readEntry();
          if (!ENTRY_NAME.test(name))
            throw new BundleError(
              'bad-entry',
              `The bundle holds "${name.slice(0, 80)}", which is not a file a Triage bundle contains.`,
            );
          // Unix symlinks are flagged in the upper bits of the external attributes.
          if (((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000)
            throw new BundleError('bad-entry', `${name} is a symbolic link, which a bundle never contains.`);
          entries.set(name, await readEntry(zip, entry, entry.uncompressedSize));
          zip.readEntry();
        })().catch(reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return entries;
}

/** Real bundles nest about 8 levels deep; far deeper JSON is an attack on the recursive code that reads it. */
const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in JSON text (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return deepest;
}

/**
 * The first key that appears twice in one object of JSON text, with the path of that object
 * (`probes[].error`, '' for the top level), or null. One linear pass with an explicit stack; the
 * text must already be valid JSON (JSON.parse accepted it) and within MAX_JSON_DEPTH.
 */
export function duplicateKey(text: string): { key: string; path: string } | null {
  interface Frame {
    readonly object: boolean;
    readonly path: string;
    readonly keys: Set<string>;
    expectKey: boolean;
    lastKey: string;
  }
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x22) {
      // A string: find its end, skipping escaped characters.
      const start = i;
      let escaped = false;
      for (i += 1; i < text.length; i += 1) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) {
          escaped = true;
          i += 1;
        } else if (d === 0x22) break;
      }
      if (top?.object && top.expectKey) {
        const raw = text.slice(start + 1, i);
        // Escapes spell the same key differently ("a" and "\u0061"): decode before comparing.
        const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : raw;
        if (top.keys.has(key)) return { key, path: top.path };
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
    } else if (c === 0x7b || c === 0x5b) {
      const path = !top
        ? ''
        : top.object
          ? top.path
            ? `${top.path}.${top.lastKey}`
            : top.lastKey
          : `${top.path}[]`;
      stack.push({ object: c === 0x7b, path, keys: new Set(), expectKey: c === 0x7b, lastKey: '' });
    } else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c && top?.object) top.expectKey = true;
  }
  return null;
}

function parseJsonEntry(entries: ReadonlyMap<string, Buffer>, name: string): unknown {
  const content = entries.get(name);
  if (!content)
    throw new BundleError(
      'missing-file',
      `The bundle has no ${name}; it is incomplete or not a Triage bundle.`,
    );
  const text = content.toString('utf8');
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw new BundleError(
      'bad-json',
      `${name} is nested more than ${MAX_JSON_DEPTH} levels deep, which no Triage bundle is; it was not read.`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new BundleError(
      'bad-json',
      `${name} is not valid JSON (${(error as Error).message}); the bundle is damaged.`,
    );
  }
  const duplicate = duplicateKey(text);
  if (duplicate)
    throw new BundleError(
      'duplicate-key',
      `${name} holds the key ${quote(duplicate.key)} twice in ${duplicate.path ? quote(duplicate.path) : 'its top level'}; Triage never writes that and readers disagree on which one counts, so the bundle may have been tampered with.`,
    );
  return value;
}

/** A manifest.json or findings.json format version this Triage cannot read, as a BundleError. */
function checkVersion(raw: unknown, name: string): void {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  const problem = versionProblem(version);
  if (problem)
    throw new BundleError(
      problem.includes('newer') ? 'newer-version' : 'schema',
      name === 'manifest.json'
        ? `This bundle cannot be read: ${problem}.`
        : `This bundle cannot be read: its ${name} ${problem.replace(/^its? /, '')}.`,
    );
}

function checked<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new BundleError(
      'schema',
      `${name} does not match the bundle format:\n  ${describeIssues(result.error).slice(0, 8).join('\n  ')}`,
    );
  return result.data;
}

/** Reads and checks a bundle from memory. Throws BundleError only. */
export async function parseBundle(
  buffer: Buffer,
  limits: BundleLimits = DEFAULT_LIMITS,
): Promise<BundleContents> {
  try {
    const entries = await readEntries(buffer, limits);
    const rawManifest = parseJsonEntry(entries, 'manifest.json');
    checkVersion(rawManifest, 'manifest.json');
    const manifest = checked(manifestSchema, rawManifest, 'manifest.json');
    const seen = new Set<string>();
    for (const { id } of manifest.probes) {
      if (seen.has(id))
        throw new BundleError(
          'duplicate-probe',
          `manifest.json lists the check ${id} twice; Triage runs each check once, so the bundle may have been tampered with.`,
        );
      seen.add(id);
    }
    const rawFindings = parseJsonEntry(entries, 'findings.json');
    checkVersion(rawFindings, 'findings.json');
    const findings = checked(findingsFileSchema, rawFindings, 'findings.json');
    const probes = new Map<string, ProbeFile>();
    for (const [name] of entries) {
      if (!name.startsWith('probes/')) continue;
      const file = checked(probeFileSchema, parseJsonEntry(entries, name), name);
      if (`probes/${file.id}.json` !== name)
        throw new BundleError('schema', `${name} says it holds ${file.id}; the bundle is inconsistent.`);
      probes.set(file.id, file);
    }
    return {
      manifest,
      findings,
      probes,
      html: entries.get('report.html')?.toString('utf8') ?? null,
      log: entries.get('triage.log')?.toString('utf8') ?? null,
      entries,
    };
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError(
      'internal',
      `The bundle could not be read because of a bug in Triage: ${(error as Error).message}. Please report it.`,
    );
  }
}

/** Reads a bundle file from disk (size-checked before it is loaded). */
export async function readBundle(
  path: string,
  limits: BundleLimits = DEFAULT_LIMITS,
): Promise<BundleContents> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new BundleError('unreadable', `${path} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError(
      'unreadable',
      `${path} cannot be opened (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
  if (size > limits.maxFileBytes)
    throw new BundleError(
      'too-large',
      `${path} is ${size} bytes; bundles over ${limits.maxFileBytes} bytes are refused.`,
    );
  const bundle = await parseBundle(await readFile(path), limits);
  checkBundleData(bundle);
  return bundle;
}

/** How many problems a refusal names; the rest are counted. */
const PROBLEMS_SHOWN = 3;

/**
 * Problems with the bundle's probe data against the descriptors of the probes this Triage knows
 * (a probe it does not know comes from a newer version: its data is not checked, and nothing here
 * reads it by field).
 */
function probeDataProblems(bundle: BundleContents): { shown: string[]; total: number } {
  const shown: string[] = [];
  let total = 0;
  for (const [id, file] of bundle.probes) {
    const descriptor = findProbe(id)?.descriptor;
    if (!descriptor) continue;
    const check = checkProbeData(id, descriptor.fields, file.data, { limit: PROBLEMS_SHOWN });
    total += check.total;
    shown.push(...check.problems.slice(0, PROBLEMS_SHOWN - shown.length));
  }
  return { shown, total };
}

/**
 * Refuses a bundle whose probe data is not shaped as the descriptors declare.
 *
 * Why refuse the whole bundle rather than drop the bad probes and show the rest: the hashes of such
 * a bundle match (they are checked by `verify`), so whoever changed the data also rewrote the
 * manifest, and then nothing in the bundle — findings, statuses, the user's words — can be trusted
 * more than the part that is visibly wrong; a technician acting on the "good" rest would act on
 * forged facts. Triage itself never writes such data (the conformance test holds every probe to its
 * descriptor), so this only refuses edited or damaged bundles, and the message names what is
 * wrong so the technician can ask for a new one.
 */
export function checkBundleData(bundle: BundleContents): void {
  const { shown, total } = probeDataProblems(bundle);
  if (total === 0) return;
  throw new BundleError(
    'bad-data',
    `This bundle's data is not what Triage wrote: ${shown.join('; ')}${total > shown.length ? ` (and ${total - shown.length} more)` : ''}. It may have been edited or damaged.`,
  );
}

/**
 * The report a bundle holds, rebuilt from its manifest and files, so everything that shows a report
 * (facts, inspect, diff, the technician view) works the same on a fresh run and on a bundle.
 */
export function reportFromBundle(bundle: BundleContents): Report {
  checkBundleData(bundle);
  // The report gets its own copy of the data, with missing nullable fields read as null (an older
  // Triage did not say them), so the bundle stays as it was read for `verify`.
  const data = new Map<string, ProbeFile['data']>();
  for (const [id, file] of bundle.probes) {
    const copy = file.data === null ? null : structuredClone(file.data);
    const descriptor = findProbe(id)?.descriptor;
    if (copy && descriptor) checkProbeData(id, descriptor.fields, copy, { limit: 0, fillMissing: true });
    data.set(id, copy);
  }
  const { manifest } = bundle;
  return {
    triageVersion: manifest.triageVersion,
    createdAt: manifest.createdAt,
    host: manifest.host as Report['host'],
    problem: manifest.problem as Report['problem'],
    config: manifest.config as unknown as Report['config'],
    run: {
      platform: manifest.run.platform as Report['run']['platform'],
      startedAt: manifest.run.startedAt,
      finishedAt: manifest.run.finishedAt,
      durationMs: manifest.run.durationMs,
      probes: manifest.probes.map((p) => ({
        id: p.id as ProbeId,
        status: p.status as ProbeStatus,
        startedAt: p.startedAt,
        durationMs: p.durationMs,
        data: data.get(p.id) ?? null,
        gaps: p.gaps as Gap[],
        error: p.error as ProbeEnvelope['error'],
        operations: p.operations as OperationRecord[],
      })),
    },
    findings: bundle.findings.findings as unknown as Report['findings'],
  };
}
