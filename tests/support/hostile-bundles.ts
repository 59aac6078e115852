/**
 * A corpus of malformed and malicious bundles, made by the tests themselves: damaged zips, zip-slip
 * names, zip bombs, forged headers, wrong or newer schemas. Each says which error the reader must give.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import yazl from 'yazl';
import { createHandlers } from '../../main/app/handlers';
import { DEFAULT_SETTINGS } from '../../main/app/settings';
import { BundleError, readBundle, type BundleErrorCode } from '../../main/bundle/read';
import { runDiff, runInspect, runVerify } from '../../main/cli/bundle-commands';
import { line } from '../../main/cli/terminal-safe';
import { EXIT } from '../../main/cli/usage';
import { capture } from './cli-io';
import { testHost } from './desktop-host';

export interface HostileBundle {
  readonly name: string;
  /** Makes the bytes (async: zips are built with streams). */
  readonly build: () => Promise<Buffer>;
  readonly code: BundleErrorCode;
}

/** Zips entries in memory with yazl. */
export function zip(
  entries: readonly { name: string; content: Buffer | string; mode?: number; compress?: boolean }[],
): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) {
      file.addEmptyDirectory(entry.name, { mtime: new Date('2000-01-01T00:00:00Z') });
      continue;
    }
    file.addBuffer(Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content), entry.name, {
      mtime: new Date('2000-01-01T00:00:00Z'),
      ...(entry.mode === undefined ? {} : { mode: entry.mode }),
      compress: entry.compress ?? true,
    });
  }
  file.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    file.outputStream.on('data', (c: Buffer) => chunks.push(c));
    file.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    file.outputStream.on('error', reject);
  });
}

/** Replaces every occurrence of a byte string (entry names sit in local and central headers). */
export function patch(buffer: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('patch keeps lengths equal so offsets stay valid');
  const out = Buffer.from(buffer);
  const needle = Buffer.from(from, 'latin1');
  let index = out.indexOf(needle);
  if (index < 0) throw new Error(`"${from}" not found`);
  while (index >= 0) {
    Buffer.from(to, 'latin1').copy(out, index);
    index = out.indexOf(needle, index + 1);
  }
  return out;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;

/** Edits a field of every local and central header (offsets per the zip specification). */
function editHeaders(buffer: Buffer, edit: (b: Buffer, at: number, central: boolean) => void): Buffer {
  const out = Buffer.from(buffer);
  for (let i = 0; i + 4 <= out.length; i += 1) {
    const signature = out.readUInt32LE(i);
    if (signature === LOCAL) edit(out, i, false);
    else if (signature === CENTRAL) edit(out, i, true);
  }
  return out;
}

/** A minimal valid bundle's files, to break one thing at a time. */
export function validFiles(
  manifestOverrides: Record<string, unknown> = {},
): { name: string; content: string }[] {
  const manifest = {
    schemaVersion: '1.0',
    triageVersion: '0.1.0',
    createdAt: '2026-11-24T10:00:00.000Z',
    host: {
      hostname: 'pc',
      user: null,
      platform: 'linux',
      osName: 'Debian',
      osVersion: '12',
      architecture: 'x64',
    },
    problem: null,
    run: {
      platform: 'linux',
      startedAt: '2026-11-24T10:00:00.000Z',
      finishedAt: '2026-11-24T10:00:01.000Z',
      durationMs: 1000,
    },
    config: {},
    redaction: { level: 'standard', replaced: {}, secrets: 0 },
    excluded: [],
    probes: [],
    files: {},
    ...manifestOverrides,
  };
  return [
    { name: 'manifest.json', content: JSON.stringify(manifest) },
    { name: 'findings.json', content: JSON.stringify({ schemaVersion: '1.0', findings: [] }) },
  ];
}

/** The corpus; names are known at once (for test titles), bytes are built on demand. */
export function hostileCorpus(): HostileBundle[] {
  const valid = (): Promise<Buffer> => zip(validFiles());
  const corpus: HostileBundle[] = [];
  const add = (name: string, build: () => Promise<Buffer> | Buffer, code: BundleErrorCode): void => {
    corpus.push({ name, build: async () => build(), code });
  };
  const files = validFiles();
  const manifest = files[0] ?? { name: '', content: '' };
  const findings = files[1] ?? { name: '', content: '' };

  add('an empty file', async () => Buffer.alloc(0), 'not-a-zip');
  add(
    'random bytes',
    async () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
    'not-a-zip',
  );
  add('a text file', async () => Buffer.from('Hello, this is not a zip.\n'), 'not-a-zip');
  add('a truncated bundle (first half)', async () => (await valid()).subarray(0, 300), 'not-a-zip');
  add(
    'a bundle cut just before its end record',
    async () => {
      const whole = await valid();
      return whole.subarray(0, whole.length - 10);
    },
    'not-a-zip',
  );
  add(
    'a bundle whose central directory is overwritten',
    async () => {
      const b = Buffer.from(await valid());
      const at = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      b.fill(0x41, at, at + 30);
      return b;
    },
    'not-a-zip',
  );
  add('a zip without manifest.json', async () => zip([findings]), 'missing-file');
  add('a zip without findings.json', async () => zip([manifest]), 'missing-file');
  add(
    'a manifest that is not JSON',
    async () => zip([{ name: 'manifest.json', content: '{"schemaVersion": "1.0",' }, findings]),
    'bad-json',
  );
  add(
    'a manifest that is JSON null',
    async () => zip([{ name: 'manifest.json', content: 'null' }, findings]),
    'schema',
  );
  add(
    'a manifest that is an array',
    async () => zip([{ name: 'manifest.json', content: '[1,2,3]' }, findings]),
    'schema',
  );
  add(
    'a manifest missing required fields',
    async () => zip([{ name: 'manifest.json', content: '{"schemaVersion":"1.0"}' }, findings]),
    'schema',
  );
  add(
    'a manifest of a newer major format',
    async () => zip([...validFiles({ schemaVersion: '2.0' })]),
    'newer-version',
  );
  add(
    'a manifest with a nonsense version',
    async () => zip([...validFiles({ schemaVersion: 'banana' })]),
    'schema',
  );
  add(
    'a manifest with a wrong field type',
    async () =>
      zip([
        ...validFiles({ run: { platform: 'amiga', startedAt: 'yesterday', finishedAt: 1, durationMs: -5 } }),
      ]),
    'schema',
  );
  add(
    'findings with an unknown severity',
    async () =>
      zip([
        manifest,
        {
          name: 'findings.json',
          content: JSON.stringify({
            schemaVersion: '1.0',
            findings: [{ id: 'x', severity: 'catastrophic' }],
          }),
        },
      ]),
    'schema',
  );
  add(
    'deeply nested JSON',
    async () =>
      zip([
        { name: 'manifest.json', content: `${'['.repeat(200_000)}${']'.repeat(200_000)}`, compress: false },
        findings,
      ]),
    'bad-json',
  );
  add(
    'a probe file that is not JSON',
    async () => zip([...files, { name: 'probes/os.info.json', content: 'not json' }]),
    'bad-json',
  );
  add(
    'a probe file naming another probe',
    async () =>
      zip([
        ...files,
        { name: 'probes/os.info.json', content: JSON.stringify({ id: 'os.uptime', status: 'ok', data: {} }) },
      ]),
    'schema',
  );
  add(
    'an entry named ../ (zip-slip)',
    async () =>
      patch(await zip([...files, { name: 'AAAevil.json', content: '{}' }]), 'AAAevil.json', '../evil.json'),
    'bad-entry',
  );
  add(
    'an absolute entry name',
    async () =>
      patch(
        await zip([...files, { name: 'XetcXpasswdXX', content: 'root:x:0:0' }]),
        'XetcXpasswdXX',
        '/etc/passwd.x',
      ),
    'bad-entry',
  );
  add(
    'a Windows-style path with backslashes',
    async () =>
      patch(
        await zip([...files, { name: 'probes/os.infoXjs', content: '{}' }]),
        'probes/os.infoXjs',
        'probes\\os.info.js',
      ),
    'bad-entry',
  );
  add(
    'a traversal hidden inside probes/',
    async () =>
      patch(
        await zip([...files, { name: 'probes/AAAmanifest.js', content: '{}' }]),
        'probes/AAAmanifest.js',
        'probes/../manifest.js',
      ),
    'bad-entry',
  );
  add(
    'an entry a bundle never holds',
    async () => zip([...files, { name: 'setup.exe', content: 'MZ' }]),
    'bad-entry',
  );
  add(
    'an entry with a NUL byte in its name',
    async () =>
      patch(
        await zip([...files, { name: 'probes/os.infoXjson', content: '{}' }]),
        'probes/os.infoXjson',
        'probes/os.info\0json',
      ),
    'bad-entry',
  );
  add(
    'manifest.json twice',
    async () =>
      patch(
        await zip([...files, { name: 'manifesX.json', content: manifest.content }]),
        'manifesX.json',
        'manifest.json',
      ),
    'duplicate-entry',
  );
  add(
    'a symbolic link',
    async () => zip([...files, { name: 'probes/os.info.json', content: '/etc/shadow', mode: 0o120777 }]),
    'bad-entry',
  );
  add(
    'an encrypted entry',
    async () =>
      editHeaders(await zip(files), (b, at, central) =>
        b.writeUInt16LE(b.readUInt16LE(at + (central ? 8 : 6)) | 1, at + (central ? 8 : 6)),
      ),
    'encrypted',
  );
  add(
    'too many entries',
    async () =>
      zip([
        ...files,
        ...Array.from({ length: 240 }, (_, i) => ({ name: `probes/os.x${i}.json`, content: '{}' })),
      ]),
    'too-many-entries',
  );
  add(
    'a zip bomb (one entry of 60 MB of zeros)',
    async () => zip([...files, { name: 'probes/os.bomb.json', content: Buffer.alloc(60 * 1024 * 1024) }]),
    'zip-bomb',
  );
  // Real content: 200 KB of text; the headers claim 10 bytes. Inflating must stop at the claimed size.
  // (The zip-bomb check cannot see this one: the claimed ratio is tiny.)
  add(
    'a header that lies about the size',
    async () =>
      editHeaders(
        await zip([...files, { name: 'triage.log', content: 'y'.repeat(200 * 1024) }]),
        (b, at, central) => {
          const nameLength = b.readUInt16LE(at + (central ? 28 : 26));
          const nameAt = at + (central ? 46 : 30);
          if (b.toString('latin1', nameAt, nameAt + nameLength) === 'triage.log')
            b.writeUInt32LE(10, at + (central ? 24 : 22));
        },
      ),
    'bad-entry',
  );
  return corpus;
}

/** One entry of a hand-made zip; every field a differential needs can be set on its own. */
export interface CraftEntry {
  readonly name: string;
  readonly content: Buffer | string;
  /** Deflate (default) or store. */
  readonly deflate?: boolean;
  /** The name in the local header, when it should differ from the central directory's. */
  readonly localName?: string;
  readonly flags?: number;
  readonly localFlags?: number;
  /** Overrides of the central directory's CRC and sizes (the local header keeps the true ones). */
  readonly central?: { crc?: number; compressed?: number; uncompressed?: number };
  /** Overrides of the local header's CRC and sizes. */
  readonly local?: { crc?: number; compressed?: number; uncompressed?: number };
  readonly localExtra?: Buffer;
  readonly centralExtra?: Buffer;
  /** Write a data descriptor (flag bit 3, zeros in the local header), with these values if given. */
  readonly descriptor?: { crc?: number; compressed?: number; uncompressed?: number };
  /** Where the central directory says the local header is (default: where it was written). */
  readonly offset?: (written: number) => number;
}

const u16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** An Info-ZIP Unicode Path extra field (0x7075) naming `name`, with the CRC of `headerName`. */
export function unicodePathExtra(headerName: string, name: string): Buffer {
  const data = Buffer.concat([Buffer.from([1]), u32(crc32(Buffer.from(headerName))), Buffer.from(name)]);
  return Buffer.concat([u16(0x7075), u16(data.length), data]);
}

/** The local header and data of one entry, as a zip writer following the specification writes them. */
export function localRecord(entry: CraftEntry): {
  bytes: Buffer;
  crc: number;
  compressed: number;
  size: number;
} {
  const content = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content);
  const deflate = entry.deflate ?? true;
  const data = deflate ? deflateRawSync(content) : content;
  const crc = crc32(content);
  const flags = (entry.localFlags ?? entry.flags ?? 0x800) | (entry.descriptor ? 8 : 0);
  const name = Buffer.from(entry.localName ?? entry.name);
  const extra = entry.localExtra ?? Buffer.alloc(0);
  const zeroed = entry.descriptor !== undefined;
  const header = Buffer.concat([
    u32(0x04034b50),
    u16(20),
    u16(flags),
    u16(deflate ? 8 : 0),
    u16(0),
    u16(0x2821),
    u32(entry.local?.crc ?? (zeroed ? 0 : crc)),
    u32(entry.local?.compressed ?? (zeroed ? 0 : data.length)),
    u32(entry.local?.uncompressed ?? (zeroed ? 0 : content.length)),
    u16(name.length),
    u16(extra.length),
    name,
    extra,
  ]);
  const descriptor = entry.descriptor
    ? Buffer.concat([
        u32(0x08074b50),
        u32(entry.descriptor.crc ?? crc),
        u32(entry.descriptor.compressed ?? data.length),
        u32(entry.descriptor.uncompressed ?? content.length),
      ])
    : Buffer.alloc(0);
  return {
    bytes: Buffer.concat([header, data, descriptor]),
    crc,
    compressed: data.length,
    size: content.length,
  };
}

/**
 * A zip made by hand, byte by byte, so each test can break exactly one thing that a zip library
 * would never let it break. Unbroken, it reads like yazl's (the differential tests check that).
 */
export function craftZip(
  entries: readonly CraftEntry[],
  options: {
    comment?: Buffer;
    /** Bytes before the archive; `shifted` moves every offset past them, as self-extractors do. */
    before?: Buffer;
    shifted?: boolean;
    after?: Buffer;
    /** Bytes between the last entry and the central directory. */
    hidden?: Buffer;
    /** The entry count the end record claims. */
    count?: number;
  } = {},
): Buffer {
  const before = options.before ?? Buffer.alloc(0);
  const shift = options.shifted ? before.length : 0;
  const hidden = options.hidden ?? Buffer.alloc(0);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let at = 0;
  for (const entry of entries) {
    const local = localRecord(entry);
    const deflate = entry.deflate ?? true;
    const name = Buffer.from(entry.name);
    const extra = entry.centralExtra ?? Buffer.alloc(0);
    centrals.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(0x033f),
        u16(20),
        u16((entry.flags ?? 0x800) | (entry.descriptor ? 8 : 0)),
        u16(deflate ? 8 : 0),
        u16(0),
        u16(0x2821),
        u32(entry.central?.crc ?? local.crc),
        u32(entry.central?.compressed ?? local.compressed),
        u32(entry.central?.uncompressed ?? local.size),
        u16(name.length),
        u16(extra.length),
        u16(0),
        u16(0),
        u16(0),
        u32((entry.name.endsWith('/') ? 0o40755 : 0o100644) * 0x10000),
        u32((entry.offset ? entry.offset(at) : at) + shift),
        name,
        extra,
      ]),
    );
    locals.push(local.bytes);
    at += local.bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = options.comment ?? Buffer.alloc(0);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(options.count ?? entries.length),
    u16(options.count ?? entries.length),
    u32(directory.length),
    u32(at + hidden.length + shift),
    u16(comment.length),
    comment,
  ]);
  return Buffer.concat([before, ...locals, hidden, directory, end, options.after ?? Buffer.alloc(0)]);
}

export interface Differential {
  readonly name: string;
  readonly build: () => Buffer;
  readonly code: BundleErrorCode;
  /** What the refusal must say. */
  readonly says: RegExp;
}

/**
 * Zip parser differentials: archives that zip tools read in different ways, each made from a valid
 * bundle's files by breaking one thing. Every one must be refused with a message naming it.
 */
export function zipDifferentials(files: ReadonlyMap<string, Buffer>): Differential[] {
  const base = (): CraftEntry[] => [...files].map(([name, content]) => ({ name, content }));
  const edit = (name: string, change: Partial<CraftEntry>): CraftEntry[] =>
    base().map((e) => (e.name === name ? { ...e, ...change } : e));
  const list: Differential[] = [];
  const add = (name: string, build: () => Buffer, code: BundleErrorCode, says: RegExp): void => {
    list.push({ name, build, code, says });
  };
  const wrong = 0x12345678;

  add(
    'an entry hidden inside another entry’s data (overlapping entries)',
    () => {
      const inner: CraftEntry = { name: 'probes/os.extra.json', content: '{"id":"os.extra"}' };
      let outerAt = 0;
      const outerName = 'triage.log';
      return craftZip([
        ...base().filter((e) => e.name !== outerName),
        {
          name: outerName,
          content: localRecord(inner).bytes,
          deflate: false,
          offset: (at) => (outerAt = at),
        },
        { ...inner, offset: () => outerAt + 30 + outerName.length },
      ]);
    },
    'inconsistent-zip',
    /overlaps the entry before it/,
  );
  add(
    'two directory records sharing one local header',
    () => craftZip([...base(), { name: 'triage.lof', content: 'x', offset: () => 0 }]),
    'inconsistent-zip',
    /is named "manifest\.json" in its local header/,
  );
  add(
    'an entry whose data runs into the central directory',
    () => {
      const entries = base();
      const last = entries[entries.length - 1];
      if (!last) throw new Error('no entries');
      const size = localRecord(last).compressed + 40;
      return craftZip([
        ...entries.slice(0, -1),
        { ...last, local: { compressed: size }, central: { compressed: size } },
      ]);
    },
    'inconsistent-zip',
    /overlaps the central directory/,
  );
  add(
    'a central-directory name that is not the local header’s',
    () => craftZip(edit('findings.json', { localName: 'findings.jsox' })),
    'inconsistent-zip',
    /The entry "findings\.json" is named "findings\.jsox" in its local header/,
  );
  add(
    'a Unicode Path extra field naming another file (central directory)',
    () => craftZip(edit('triage.log', { centralExtra: unicodePathExtra('triage.log', 'report.html') })),
    'inconsistent-zip',
    /Unicode Path extra field naming "report\.html"/,
  );
  add(
    'a Unicode Path extra field naming another file (local header)',
    () => craftZip(edit('triage.log', { localExtra: unicodePathExtra('triage.log', '../../evil.sh') })),
    'inconsistent-zip',
    /Unicode Path extra field naming "\.\.\/\.\.\/evil\.sh"/,
  );
  add(
    'a wrong CRC-32 in both headers',
    () => craftZip(edit('findings.json', { central: { crc: wrong }, local: { crc: wrong } })),
    'bad-checksum',
    /^findings\.json does not match its CRC-32 \(the zip says 12345678, its data gives [0-9a-f]{8}\)/,
  );
  add(
    'a CRC-32 that differs between the headers',
    () => craftZip(edit('findings.json', { central: { crc: wrong } })),
    'inconsistent-zip',
    /another CRC-32 or size in its local header than in the central directory/,
  );
  add(
    'a size that differs between the headers',
    () => craftZip(edit('manifest.json', { local: { uncompressed: 1 } })),
    'inconsistent-zip',
    /another CRC-32 or size in its local header/,
  );
  add(
    'an HTML page before the bundle',
    () => craftZip(base(), { before: Buffer.from('<html><body>Invoice</body></html>\n') }),
    'inconsistent-zip',
    /^34 bytes were put before the archive \(an HTML page, a program or other data\)/,
  );
  add(
    'a program before the bundle, with the offsets moved past it (self-extractor style)',
    () => craftZip(base(), { before: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)]), shifted: true }),
    'inconsistent-zip',
    /^512 bytes come before the first entry/,
  );
  add(
    'data after the end record',
    () => craftZip(base(), { after: Buffer.from('#!/bin/sh\nrm -rf ~\n') }),
    'inconsistent-zip',
    /^19 bytes follow the end of the archive/,
  );
  add(
    'two archives in one file',
    () => Buffer.concat([craftZip(base()), craftZip(base())]),
    'inconsistent-zip',
    /bytes were put before the archive \(another archive\)/,
  );
  add(
    'an archive comment',
    () => craftZip(base(), { comment: Buffer.from('hello') }),
    'inconsistent-zip',
    /has a comment, which Triage never writes/,
  );
  add(
    'a comment length that lies',
    () => craftZip(base(), { comment: Buffer.from('hello') }).subarray(0, -2),
    'inconsistent-zip',
    /says its comment is 5 bytes, but 3 bytes follow it/,
  );
  add(
    'bytes hidden between the last entry and the central directory',
    () => craftZip(base(), { hidden: Buffer.from('hidden payload') }),
    'inconsistent-zip',
    /^14 bytes between the last entry and the central directory belong to no entry/,
  );
  add(
    'a folder entry that carries data',
    () => craftZip([{ name: 'probes/', content: 'MZ hidden program', deflate: false }, ...base()]),
    'bad-entry',
    /^The folder entry "probes\/" carries 17 bytes of data/,
  );
  add(
    'a folder entry a bundle does not have',
    () => craftZip([{ name: 'evil/', content: '', deflate: false }, ...base()]),
    'bad-entry',
    /^The bundle holds "evil\/", which is not a file a Triage bundle contains/,
  );
  add(
    'a folder entry with control characters in its name',
    () => craftZip([{ name: 'pro\u001b[2Jbes/', content: '', deflate: false }, ...base()]),
    'bad-entry',
    // eslint-disable-next-line no-control-regex
    /^The bundle holds an entry named "pro\u001b\[2Jbes\/", with control characters/,
  );
  add(
    'a data descriptor whose CRC-32 lies',
    () => craftZip(edit('findings.json', { descriptor: { crc: wrong } })),
    'inconsistent-zip',
    /The data descriptor of "findings\.json" gives another CRC-32 or size than the central directory/,
  );
  add(
    'a data descriptor whose size lies',
    () => craftZip(edit('manifest.json', { descriptor: { uncompressed: 3 } })),
    'inconsistent-zip',
    /The data descriptor of "manifest\.json" gives another CRC-32 or size/,
  );
  add(
    'an encryption flag only in the local header',
    () => craftZip(edit('findings.json', { localFlags: 0x801 })),
    'encrypted',
    /^findings\.json is marked encrypted in its local header but not in the central directory/,
  );
  add(
    'an encryption flag only in the central directory',
    () => craftZip(edit('findings.json', { flags: 0x801, localFlags: 0x800 })),
    'encrypted',
    /^findings\.json is encrypted; Triage bundles are never encrypted/,
  );
  add(
    'other flags in the local header than in the central directory',
    () => craftZip(edit('findings.json', { localFlags: 0 })),
    'inconsistent-zip',
    /has other flags in its local header than in the central directory/,
  );
  add(
    'a ZIP64 extra field',
    () =>
      craftZip(
        edit('findings.json', { centralExtra: Buffer.concat([u16(1), u16(8), Buffer.alloc(8, 0xff)]) }),
      ),
    'inconsistent-zip',
    /carries ZIP64 sizes/,
  );
  add(
    'a ZIP64 entry count in the end record',
    () => craftZip(base(), { count: 0xffff }),
    'inconsistent-zip',
    /uses ZIP64 records/,
  );
  add(
    'an end record that counts fewer entries than the directory holds',
    () => craftZip(base(), { count: files.size - 1 }),
    'inconsistent-zip',
    /holds more than its end record counts/,
  );
  add(
    'an extra field that runs past its end',
    () =>
      craftZip(
        edit('findings.json', { centralExtra: Buffer.concat([u16(0x5455), u16(40), Buffer.alloc(3)]) }),
      ),
    'inconsistent-zip',
    /An extra field of .* runs past its end/,
  );
  add(
    'a stored entry whose two sizes differ',
    () => craftZip(edit('findings.json', { deflate: false, central: { uncompressed: 5 } })),
    'inconsistent-zip',
    /is stored uncompressed, yet its two sizes differ/,
  );
  add(
    'a non-ASCII name without the UTF-8 flag',
    () => craftZip([...base(), { name: 'probes/os.caf\u00e9.json', content: '{}', flags: 0 }]),
    'inconsistent-zip',
    /non-ASCII name without the UTF-8 flag/,
  );
  add(
    'the same name twice in different case',
    () => craftZip([...base(), { name: 'Manifest.json', content: '{}' }]),
    'duplicate-entry',
    /"manifest\.json" and "Manifest\.json", which name the same file on Windows or macOS/,
  );
  add(
    'the same name twice, once with a backslash',
    () => craftZip([...base(), { name: 'probes\\os.info.json', content: '{}' }]),
    'duplicate-entry',
    /"probes\/os\.info\.json" and "probes\\os\.info\.json"/,
  );
  add(
    'the same name twice, once with a trailing dot (Windows drops it)',
    () => craftZip([...base(), { name: 'findings.json.', content: '{}' }]),
    'duplicate-entry',
    /"findings\.json" and "findings\.json\."/,
  );
  add(
    'the same name twice, exactly',
    () => craftZip([...base(), { name: 'findings.json', content: '{}' }]),
    'duplicate-entry',
    /^The bundle holds "findings\.json" twice/,
  );
  return list;
}

/** Control characters (but tabs and newlines) and bidi overrides: nothing raw may reach a terminal. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * What `triage verify`, `inspect` and `diff` (in-process) and the app's `bundle:open` and
 * `bundle:diff` make of a bundle file: the reader's refusal, if any, must be what each of them says,
 * exactly; a bundle the reader accepts must be shown. `intact` is a bundle known to be fine, the
 * other side of the diffs. Returns the refusal (null when the bundle was read).
 */
export async function expectSameEverywhere(path: string, intact: string): Promise<BundleError | null> {
  const refusal = await readBundle(path).then(
    () => null,
    (error: unknown) => {
      if (error instanceof BundleError) return error;
      throw error;
    },
  );
  const handlers = createHandlers({
    host: testHost(),
    settings: DEFAULT_SETTINGS,
    stateDir: mkdtempSync(join(tmpdir(), 'triage-hostile-handlers-')),
  });
  const verify = capture();
  const inspect = capture();
  const diff = capture();
  const codes = {
    verify: await runVerify([path], verify.io),
    inspect: await runInspect([path], inspect.io),
    diff: await runDiff([intact, path], diff.io),
  };
  const opened = await handlers['bundle:open'](path);
  const diffed = await handlers['bundle:diff'](intact, path);
  for (const text of [verify.out(), verify.err(), inspect.out(), inspect.err(), diff.out(), diff.err()]) {
    expect(text).not.toMatch(/\n\s+at /);
    expect(text).not.toMatch(UNSAFE);
  }
  if (refusal) {
    expect(refusal.message).not.toMatch(/\n\s+at /);
    expect(codes).toEqual({ verify: EXIT.findings, inspect: EXIT.failed, diff: EXIT.failed });
    expect(verify.out()).toBe(`${line`${path}: NOT OK`}\n${line`  ${refusal.message}`}\n`);
    expect(inspect.err()).toBe(`${line`triage: ${path}: ${refusal.message}`}\n`);
    expect(inspect.out()).toBe('');
    expect(diff.err()).toBe(`${line`triage: ${path}: ${refusal.message}`}\n`);
    expect(opened).toEqual({ ok: false, error: refusal.message });
    expect(diffed).toEqual({ ok: false, error: refusal.message });
  } else {
    expect([EXIT.ok, EXIT.findings]).toContain(codes.verify);
    expect([EXIT.ok, EXIT.findings]).toContain(codes.inspect);
    expect([EXIT.ok, EXIT.findings]).toContain(codes.diff);
    expect(opened).toMatchObject({ ok: true });
    expect(diffed).toMatchObject({ ok: true });
  }
  return refusal;
}
