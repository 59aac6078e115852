/**
 * The zip layer of a bundle: the limits, the check of an archive's structure, and the writer.
 *
 * Zip tools disagree about ambiguous archives (which name counts, which of two overlapping entries,
 * which of two archives in one file), so an attacker can show a technician one thing and a scanner
 * another. `checkArchive` reads the raw bytes before yauzl does and refuses every ambiguity: the
 * entries must tile the file from byte 0 to the central directory with nothing between or around
 * them, each local header must say what its central-directory record says (name, flags, method,
 * CRC, sizes; a data descriptor too), and nothing may name an entry a second way (Unicode Path
 * extra, case, backslashes). Whatever passes has exactly one reading.
 *
 * The writer checks its own output with the same function and the same limits, so Triage never
 * writes a bundle it would refuse to read (issue 13: it once wrote a 12.8 MB bundle that its own
 * verify refused, a file in it being over the per-file limit).
 */
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import yazl from 'yazl';
import { BundleChoiceError } from './prepare';

export type BundleErrorCode =
  | 'unreadable'
  | 'not-a-zip'
  | 'inconsistent-zip'
  | 'bad-checksum'
  | 'too-large'
  | 'too-many-entries'
  | 'zip-bomb'
  | 'bad-entry'
  | 'duplicate-entry'
  | 'encrypted'
  | 'missing-file'
  | 'bad-json'
  | 'schema'
  | 'newer-version'
  | 'duplicate-key'
  | 'duplicate-probe'
  | 'bad-data'
  | 'internal';

export class BundleError extends Error {
  override readonly name = 'BundleError';
  constructor(
    readonly code: BundleErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface BundleLimits {
  /** The zip file itself. */
  readonly maxFileBytes: number;
  readonly maxEntries: number;
  /** One entry, uncompressed. */
  readonly maxEntryBytes: number;
  /** All entries, uncompressed. */
  readonly maxTotalBytes: number;
  /** Uncompressed ÷ compressed for entries over RATIO_FLOOR_BYTES; real bundles compress about 5–15 times. */
  readonly maxRatio: number;
}

/** Generous for real bundles (a few hundred KB), tiny next to what an attacker would need. */
export const DEFAULT_LIMITS: BundleLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxEntries: 200,
  maxEntryBytes: 16 * 1024 * 1024,
  maxTotalBytes: 96 * 1024 * 1024,
  maxRatio: 200,
};

/** Entries up to this size may compress any amount (a small file of spaces is no bomb). */
export const RATIO_FLOOR_BYTES = 64 * 1024;

/** One entry as the central directory and its local header both say it. */
export interface ZipRecord {
  readonly name: string;
  readonly offset: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, descriptor: 0x08074b50 } as const;
const ZIP64_LOCATOR = 0x07064b50;
const FLAG = { encrypted: 0x1, descriptor: 0x8, strongEncryption: 0x40, utf8: 0x800, maskedHeaders: 0x2000 };
const UNICODE_PATH = 0x7075;
const ZIP64_EXTRA = 0x0001;

const NO_END =
  'This is not a Triage bundle: it is not a readable zip file (it is something else, or it was cut short).';

const refuse = (code: BundleErrorCode, message: string): never => {
  throw new BundleError(code, message);
};
const inconsistent = (message: string): never =>
  refuse('inconsistent-zip', `${message}; zip tools would not agree on what it holds, so it was refused.`);
/**
 * A name as messages show it: quoted, at most 80 characters. Control characters stay as they are:
 * the CLI shows them escaped and the app as text (the same as every other message from a bundle).
 */
const shown = (name: string): string => `"${name.length > 80 ? `${name.slice(0, 80)}…` : name}"`;

/** Extra fields as id → data; a field running past the end, or bytes left over, is refused. */
function extraFields(raw: Buffer, where: string): Map<number, Buffer> {
  const fields = new Map<number, Buffer>();
  let at = 0;
  while (at < raw.length) {
    if (at + 4 > raw.length) inconsistent(`The extra fields of ${where} end in a fragment`);
    const id = raw.readUInt16LE(at);
    const end = at + 4 + raw.readUInt16LE(at + 2);
    if (end > raw.length) inconsistent(`An extra field of ${where} runs past its end`);
    if (fields.has(id)) inconsistent(`${where} carries the extra field 0x${id.toString(16)} twice`);
    fields.set(id, raw.subarray(at + 4, end));
    at = end;
  }
  return fields;
}

/** The Info-ZIP Unicode Path extra names the entry for some tools (yauzl among them): it must agree. */
function checkExtras(fields: Map<number, Buffer>, nameBytes: Buffer, where: string): void {
  if (fields.has(ZIP64_EXTRA))
    inconsistent(`${where} carries ZIP64 sizes, which no Triage bundle needs (it is far below 4 GB)`);
  const unicode = fields.get(UNICODE_PATH);
  if (unicode && !(unicode.length >= 5 && unicode.subarray(5).equals(nameBytes)))
    inconsistent(
      `${where} carries a Unicode Path extra field naming ${shown(unicode.subarray(Math.min(5, unicode.length)).toString('utf8'))}, another name than its header's`,
    );
}

/** Where the end-of-central-directory record is; it must end the file exactly. */
function findEnd(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= lowest; at -= 1) {
    if (buffer.readUInt32LE(at) !== SIG.end) continue;
    const commentLength = buffer.readUInt16LE(at + 20);
    const after = buffer.length - at - 22;
    // Triage writes no archive comment: a comment is where a second end record hides.
    if (commentLength === 0 && after === 0) return at;
    if (commentLength === 0)
      inconsistent(`${after} bytes follow the end of the archive (another file or archive was appended)`);
    inconsistent(
      commentLength === after
        ? 'The archive has a comment, which Triage never writes and where a second end record can hide'
        : `The archive's end record says its comment is ${commentLength} bytes, but ${after} bytes follow it`,
    );
  }
  return refuse('not-a-zip', NO_END);
}

/**
 * Checks the archive's structure and the limits; returns its entries as both headers say them.
 * Throws BundleError only.
 */
export function checkArchive(buffer: Buffer, limits: BundleLimits = DEFAULT_LIMITS): ZipRecord[] {
  if (buffer.length > limits.maxFileBytes)
    refuse(
      'too-large',
      `The bundle is ${buffer.length} bytes; bundles over ${limits.maxFileBytes} bytes are refused.`,
    );
  if (buffer.length < 22) refuse('not-a-zip', NO_END);
  const end = findEnd(buffer);
  const count = buffer.readUInt16LE(end + 10);
  const directorySize = buffer.readUInt32LE(end + 12);
  const directoryAt = buffer.readUInt32LE(end + 16);
  if (
    (end >= 20 && buffer.readUInt32LE(end - 20) === ZIP64_LOCATOR) ||
    count === 0xffff ||
    directorySize === 0xffffffff ||
    directoryAt === 0xffffffff
  )
    inconsistent('The archive uses ZIP64 records, which no Triage bundle needs');
  if (
    buffer.readUInt16LE(end + 4) !== 0 ||
    buffer.readUInt16LE(end + 6) !== 0 ||
    buffer.readUInt16LE(end + 8) !== count
  )
    inconsistent('The archive claims to span several disks');
  if (count > limits.maxEntries)
    refuse(
      'too-many-entries',
      `The bundle has ${count} entries; a Triage bundle has at most ${limits.maxEntries}.`,
    );
  const directoryStart = end - directorySize;
  if (directoryStart < 0 || buffer.readUInt32LE(directoryStart) !== SIG.central) {
    if (directoryAt + directorySize <= end && buffer.readUInt32LE(directoryAt) === SIG.central)
      inconsistent('The central directory does not end where the end record begins');
    refuse(
      'not-a-zip',
      'The bundle is damaged or truncated: its central directory is not where its end record says.',
    );
  }
  if (directoryAt !== directoryStart) {
    const before = directoryStart - directoryAt;
    inconsistent(
      before > 0
        ? `${before} bytes were put before the archive (${buffer.readUInt32LE(0) === SIG.local ? 'another archive' : 'an HTML page, a program or other data'})`
        : 'The end record points the central directory to the wrong place',
    );
  }

  const records: (ZipRecord & { end: number })[] = [];
  const names = new Map<string, string>();
  let total = 0;
  let at = directoryStart;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > end || buffer.readUInt32LE(at) !== SIG.central)
      refuse('not-a-zip', 'The bundle is damaged or truncated: its central directory is cut short.');
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const next = at + 46 + nameLength + extraLength + buffer.readUInt16LE(at + 32);
    if (next > end)
      refuse('not-a-zip', 'The bundle is damaged or truncated: its central directory is cut short.');
    const nameBytes = buffer.subarray(at + 46, at + 46 + nameLength);
    const name = nameBytes.toString('utf8');
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const record = {
      name,
      crc32: buffer.readUInt32LE(at + 16),
      compressedSize: buffer.readUInt32LE(at + 20),
      uncompressedSize: buffer.readUInt32LE(at + 24),
      offset: buffer.readUInt32LE(at + 42),
    };
    const label = `The entry ${shown(name)}`;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f]/.test(name) || name.includes('\ufffd'))
      refuse(
        'bad-entry',
        `The bundle holds an entry named ${shown(name)}, with control characters in its name; it was refused.`,
      );
    if (nameBytes.some((b) => b >= 0x80) && !(flags & FLAG.utf8))
      inconsistent(
        `${label} has a non-ASCII name without the UTF-8 flag (tools read it in different code pages)`,
      );
    // Windows and macOS see one file where the zip has two: compare names as they would.
    const key = name
      .replace(/\\/g, '/')
      .normalize('NFC')
      .toLowerCase()
      .split('/')
      .map((part) => part.replace(/[. ]+$/, ''))
      .join('/');
    const clash = names.get(key);
    if (clash !== undefined)
      refuse(
        'duplicate-entry',
        clash === name
          ? `The bundle holds ${shown(name)} twice; it may have been tampered with.`
          : `The bundle holds ${shown(clash)} and ${shown(name)}, which name the same file on Windows or macOS; it may have been tampered with.`,
      );
    names.set(key, name);
    if (buffer.readUInt16LE(at + 34) !== 0) inconsistent(`${label} claims to start on another disk`);
    if (flags & (FLAG.encrypted | FLAG.strongEncryption | FLAG.maskedHeaders))
      refuse('encrypted', `${name} is encrypted; Triage bundles are never encrypted inside the zip.`);
    if (method !== 0 && method !== 8)
      refuse(
        'bad-entry',
        `${label} uses compression method ${method}; Triage writes only stored or deflated entries.`,
      );
    if (method === 0 && record.compressedSize !== record.uncompressedSize)
      inconsistent(`${label} is stored uncompressed, yet its two sizes differ`);
    if (name.endsWith('/') && (record.compressedSize > 0 || record.uncompressedSize > 0))
      refuse(
        'bad-entry',
        `The folder entry ${shown(name)} carries ${record.compressedSize} bytes of data; a folder holds none, and some tools would show a file there.`,
      );
    checkExtras(
      extraFields(
        buffer.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength),
        `${label} (central directory)`,
      ),
      nameBytes,
      label,
    );
    if (
      record.uncompressedSize > RATIO_FLOOR_BYTES &&
      record.uncompressedSize / Math.max(1, record.compressedSize) > limits.maxRatio
    )
      refuse(
        'zip-bomb',
        `${name} is compressed ${Math.round(record.uncompressedSize / Math.max(1, record.compressedSize))} times; this looks like a zip bomb and was not unpacked.`,
      );
    if (record.uncompressedSize > limits.maxEntryBytes)
      refuse(
        'too-large',
        `${name} unpacks to ${record.uncompressedSize} bytes; the limit is ${limits.maxEntryBytes}.`,
      );
    total += record.uncompressedSize;
    if (total > limits.maxTotalBytes)
      refuse('too-large', `The bundle unpacks to more than ${limits.maxTotalBytes} bytes in all.`);
    records.push({ ...record, end: checkLocal(buffer, record, flags, method, nameBytes, directoryStart) });
    at = next;
  }
  if (at !== end) inconsistent('The central directory holds more than its end record counts');

  // The entries must tile [0, central directory): no gap hides data, no two entries share bytes.
  const sorted = [...records].sort((a, b) => a.offset - b.offset);
  let covered = 0;
  for (const record of sorted) {
    if (record.offset > covered)
      inconsistent(
        covered === 0
          ? `${record.offset} bytes come before the first entry (an HTML page, a program or another archive)`
          : `${record.offset - covered} bytes before ${shown(record.name)} belong to no entry`,
      );
    if (record.offset < covered) inconsistent(`The entry ${shown(record.name)} overlaps the entry before it`);
    covered = record.end;
  }
  if (covered !== directoryStart)
    inconsistent(
      covered > directoryStart
        ? 'The last entry overlaps the central directory'
        : `${directoryStart - covered} bytes between the last entry and the central directory belong to no entry`,
    );
  return records.map(({ end: _end, ...record }) => record);
}

/** The local header must say what the central directory says; returns where the entry ends. */
function checkLocal(
  buffer: Buffer,
  record: ZipRecord,
  flags: number,
  method: number,
  nameBytes: Buffer,
  limit: number,
): number {
  const label = `The entry ${shown(record.name)}`;
  const at = record.offset;
  if (at + 30 > limit || buffer.readUInt32LE(at) !== SIG.local)
    inconsistent(`${label} points to no local header (its offset is ${at})`);
  const nameLength = buffer.readUInt16LE(at + 26);
  const dataAt = at + 30 + nameLength + buffer.readUInt16LE(at + 28);
  if (dataAt > limit)
    inconsistent(`The local header of ${shown(record.name)} overlaps the central directory`);
  const localName = buffer.subarray(at + 30, at + 30 + nameLength);
  if (!localName.equals(nameBytes))
    inconsistent(`${label} is named ${shown(localName.toString('utf8'))} in its local header`);
  const localFlags = buffer.readUInt16LE(at + 6);
  const encryption = FLAG.encrypted | FLAG.strongEncryption | FLAG.maskedHeaders;
  if (localFlags & encryption)
    refuse(
      'encrypted',
      `${record.name} is marked encrypted in its local header but not in the central directory; Triage bundles are never encrypted, and tools would disagree on how to read it.`,
    );
  if (localFlags !== flags)
    inconsistent(`${label} has other flags in its local header than in the central directory`);
  if (buffer.readUInt16LE(at + 8) !== method)
    inconsistent(`${label} has another compression method in its local header than in the central directory`);
  checkExtras(
    extraFields(buffer.subarray(at + 30 + nameLength, dataAt), `${label} (local header)`),
    nameBytes,
    label,
  );
  const local = [buffer.readUInt32LE(at + 14), buffer.readUInt32LE(at + 18), buffer.readUInt32LE(at + 22)];
  const central = [record.crc32, record.compressedSize, record.uncompressedSize];
  const dataEnd = dataAt + record.compressedSize;
  if (dataEnd > limit) inconsistent(`The data of ${shown(record.name)} overlaps the central directory`);
  if (!(flags & FLAG.descriptor)) {
    if (local.some((v, i) => v !== central[i]))
      inconsistent(`${label} has another CRC-32 or size in its local header than in the central directory`);
    return dataEnd;
  }
  // A data descriptor follows the data (with or without its optional signature).
  if (local.some((v, i) => v !== 0 && v !== central[i]))
    inconsistent(`${label} has another CRC-32 or size in its local header than in the central directory`);
  const signed = dataEnd + 16 <= limit && buffer.readUInt32LE(dataEnd) === SIG.descriptor;
  const from = signed ? dataEnd + 4 : dataEnd;
  if (from + 12 > limit)
    inconsistent(`The data descriptor of ${shown(record.name)} overlaps the central directory`);
  const described = [buffer.readUInt32LE(from), buffer.readUInt32LE(from + 4), buffer.readUInt32LE(from + 8)];
  if (described.some((v, i) => v !== central[i]))
    inconsistent(
      `The data descriptor of ${shown(record.name)} gives another CRC-32 or size than the central directory`,
    );
  return from + 12;
}

/** A fixed time for every entry, so the same content always zips to the same bytes. */
const ENTRY_MTIME = new Date('2000-01-01T00:00:00Z');

function zipInMemory(files: ReadonlyMap<string, Buffer>, limits: BundleLimits): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of files) {
    // Content that deflates past the ratio a reader allows (long runs of one line) is stored instead.
    const compress = !(
      content.length > RATIO_FLOOR_BYTES &&
      content.length / Math.max(1, deflateRawSync(content).length) > limits.maxRatio
    );
    zip.addBuffer(content, name, { mtime: ENTRY_MTIME, mode: 0o644, compress });
  }
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/**
 * The zip of a bundle's files, refused (BundleChoiceError, which the app and the CLI show) when the
 * reader would refuse it: the user can leave out the largest sections and try again.
 */
export async function zipBundle(
  files: ReadonlyMap<string, Buffer>,
  limits: BundleLimits = DEFAULT_LIMITS,
): Promise<Buffer> {
  const bytes = await zipInMemory(files, limits);
  try {
    checkArchive(bytes, limits);
  } catch (error) {
    if (!(error instanceof BundleError && ['too-large', 'too-many-entries', 'zip-bomb'].includes(error.code)))
      throw new Error(`Triage made a zip it would not read (${(error as Error).message}); this is a bug.`, {
        cause: error,
      });
    const largest = [...files]
      .filter(([name]) => name.startsWith('probes/') || name === 'triage.log')
      .sort((a, b) => b[1].length - a[1].length)
      .slice(0, 3)
      .map(([name, content]) => `${name}, ${content.length} bytes`);
    throw new BundleChoiceError(
      `This report is too large for a bundle Triage can read: ${error.message} Leave out the largest sections${largest.length ? ` (${largest.join('; ')})` : ''} and try again.`,
      { cause: error },
    );
  }
  return bytes;
}

/**
 * Writes a bundle's zip atomically: to a temporary file beside the target, flushed to disk, then
 * renamed, so a crash or power loss never leaves a half-written bundle under the real name.
 */
export async function writeZipAtomic(
  path: string,
  files: ReadonlyMap<string, Buffer>,
  limits: BundleLimits = DEFAULT_LIMITS,
): Promise<number> {
  const bytes = await zipBundle(files, limits);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, bytes, { mode: 0o600 });
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    return bytes.length;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
