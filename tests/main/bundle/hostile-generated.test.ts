/**
 * A generated hostile suite (issue 13): a valid bundle written by Triage's own writer, mutated
 * systematically — every zip differential, truncation at many offsets, bit flips in every header
 * field, size fields set to zero or huge, hostile names, many entries, deep and huge JSON — and each
 * result run through `triage verify`, `inspect`, `diff` (in-process) and the app's `bundle:open` and
 * `bundle:diff`. Every case ends in the reader's clear refusal, said the same way everywhere, or in
 * a bundle that is shown; never a crash, a stack trace, a hang (each case has a time bound), or a
 * file written anywhere but the case's own.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../main/bundle/contents';
import { prepareBundle } from '../../../main/bundle/prepare';
import type { BundleErrorCode } from '../../../main/bundle/read';
import { zipBundle } from '../../../main/bundle/zip';
import {
  craftZip,
  expectSameEverywhere,
  zipDifferentials,
  type CraftEntry,
} from '../../support/hostile-bundles';
import { sampleReport } from '../../support/sample-report';

type Files = Map<string, Buffer>;

interface Case {
  readonly name: string;
  readonly make: (base: Buffer, files: Files) => Buffer | Promise<Buffer>;
  /** The refusal's code, one of these codes, or 'either' when a harmless change may also read. */
  readonly expect: BundleErrorCode | readonly BundleErrorCode[] | 'either';
}

const PER_CASE_MS = 5000;
const cases: Case[] = [];
const add = (name: string, make: Case['make'], expected: Case['expect']): void => {
  cases.push({ name, make, expect: expected });
};

// Every differential, on the real files.
zipDifferentials(new Map([['x', Buffer.alloc(0)]])).forEach((d, index) =>
  add(
    `differential: ${d.name}`,
    (_base, files) => {
      const real = zipDifferentials(files)[index];
      if (!real) throw new Error('no such differential');
      return real.build();
    },
    d.code,
  ),
);

// Cut short anywhere: never readable.
const CUT = ['not-a-zip', 'inconsistent-zip'] as const;
for (let i = 1; i <= 30; i += 1)
  add(`truncated to ${i}/31 of its length`, (b) => b.subarray(0, Math.floor((b.length * i) / 31)), CUT);
for (const back of [1, 2, 21, 22, 23, 46])
  add(`truncated by its last ${back} bytes`, (b) => b.subarray(0, b.length - back), CUT);

/** Where the headers are in a zip with no comment (as Triage writes it). */
function layout(b: Buffer): { end: number; directory: number; centrals: number[]; locals: number[] } {
  const end = b.length - 22;
  const directory = b.readUInt32LE(end + 16);
  const centrals: number[] = [];
  const locals: number[] = [];
  for (
    let at = directory;
    at < end;
    at += 46 + b.readUInt16LE(at + 28) + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32)
  ) {
    centrals.push(at);
    locals.push(b.readUInt32LE(at + 42));
  }
  return { end, directory, centrals, locals };
}
const flipped = (b: Buffer, at: number): Buffer => {
  const out = Buffer.from(b);
  out[at] = (out[at] ?? 0) ^ 0x5a;
  return out;
};

// A flipped byte in every field of a local header, of a central-directory record and of the end record.
for (let field = 4; field < 30; field += 1)
  add(`local header byte ${field} flipped`, (b) => flipped(b, (layout(b).locals[1] ?? 0) + field), 'either');
for (let field = 4; field < 46; field += 2)
  add(
    `central directory byte ${field} flipped`,
    (b) => flipped(b, (layout(b).centrals[1] ?? 0) + field),
    'either',
  );
for (let field = 4; field < 22; field += 1)
  add(`end record byte ${field} flipped`, (b) => flipped(b, layout(b).end + field), 'either');

// Size fields zero or huge, one at a time (the headers disagree) and in both headers (a consistent lie).
const SIZE_FIELDS = [
  { where: 'local compressed', central: false, offset: 18 },
  { where: 'local uncompressed', central: false, offset: 22 },
  { where: 'central compressed', central: true, offset: 20 },
  { where: 'central uncompressed', central: true, offset: 24 },
] as const;
for (const entry of [0, 1, 2])
  for (const field of SIZE_FIELDS)
    for (const value of [0, 0x7fffffff, 0xfffffffe])
      add(
        `entry ${entry}: ${field.where} size set to ${value}`,
        (b) => {
          const out = Buffer.from(b);
          const { centrals, locals } = layout(b);
          out.writeUInt32LE(value, ((field.central ? centrals : locals)[entry] ?? 0) + field.offset);
          return out;
        },
        ['inconsistent-zip', 'too-large', 'zip-bomb', 'not-a-zip'],
      );
for (const value of [0, 1, 0xfffffffe])
  add(
    `uncompressed size of findings.json set to ${value} in both headers`,
    (b) => {
      const out = Buffer.from(b);
      const { centrals, locals } = layout(b);
      const index = centrals.findIndex(
        (at) => b.toString('latin1', at + 46, at + 46 + 13) === 'findings.json',
      );
      out.writeUInt32LE(value, (centrals[index] ?? 0) + 24);
      out.writeUInt32LE(value, (locals[index] ?? 0) + 22);
      return out;
    },
    ['bad-entry', 'zip-bomb', 'too-large'],
  );

// Hostile names, added as one more entry to an otherwise valid zip.
const entries = (files: Files): CraftEntry[] => [...files].map(([name, content]) => ({ name, content }));
const NAMES: readonly [string, string, BundleErrorCode][] = [
  ['a parent folder', '../evil.json', 'bad-entry'],
  ['a traversal inside probes/', 'probes/../../evil.json', 'bad-entry'],
  ['an absolute path', '/etc/cron.d/evil', 'bad-entry'],
  ['a drive letter', 'C:/Windows/evil.exe', 'bad-entry'],
  ['a NUL byte', 'probes/os.info.json\u0000.exe', 'bad-entry'],
  ['an escape sequence', 'probes/\u001b]52;c;Y3VybA==\u0007.json', 'bad-entry'],
  ['a bidi override', 'probes/os.\u202enosj.exe', 'bad-entry'],
  ['an empty name', '', 'bad-entry'],
  ['a 60 000-character name', `probes/${'a'.repeat(60_000)}.json`, 'bad-entry'],
  ['2 000 nested folders', `probes/${'a/'.repeat(2000)}x.json`, 'bad-entry'],
];
for (const [what, name, code] of NAMES)
  add(
    `an entry name with ${what}`,
    (_b, files) => craftZip([...entries(files), { name, content: '{}' }]),
    code,
  );

// Many entries.
add(
  '201 entries',
  (_b, files) =>
    craftZip([
      ...entries(files),
      ...Array.from({ length: 201 - files.size }, (_, i) => ({
        name: `probes/os.x${i}.json`,
        content: '{}',
      })),
    ]),
  'too-many-entries',
);
add(
  'an end record claiming 65 534 entries',
  (b) => {
    const out = Buffer.from(b);
    out.writeUInt16LE(65_534, b.length - 22 + 8);
    out.writeUInt16LE(65_534, b.length - 22 + 10);
    return out;
  },
  'too-many-entries',
);

/** The files with one replaced and its hash recorded in the manifest, as a careful forger would. */
function forged(files: Files, name: string, content: string): Promise<Buffer> {
  const copy = new Map(files);
  copy.set(name, Buffer.from(content));
  const manifest = JSON.parse(copy.get('manifest.json')?.toString('utf8') ?? '{}') as {
    files: Record<string, unknown>;
  };
  manifest.files[name] = {
    sha256: createHash('sha256').update(content).digest('hex'),
    bytes: Buffer.byteLength(content),
  };
  copy.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  return zipBundle(copy);
}
const probeText = (files: Files, id: string): string =>
  files.get(`probes/${id}.json`)?.toString('utf8') ?? '';

add(
  'findings.json nested 100 000 levels deep',
  (_b, files) => forged(files, 'findings.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  'bad-json',
);
add(
  'a probe value nested 10 000 levels deep',
  (_b, files) =>
    forged(
      files,
      'probes/os.info.json',
      probeText(files, 'os.info').replace(
        '"data": {',
        `"data": {"x": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)},`,
      ),
    ),
  'bad-json',
);
add(
  'a number too large for a double (1e400)',
  (_b, files) =>
    forged(
      files,
      'probes/hardware.cpu.json',
      probeText(files, 'hardware.cpu').replace(/"logicalCores": \d+/, '"logicalCores": 1e400'),
    ),
  'either',
);
add(
  'a 400-digit integer',
  (_b, files) =>
    forged(
      files,
      'probes/hardware.cpu.json',
      probeText(files, 'hardware.cpu').replace(/"logicalCores": \d+/, `"logicalCores": ${'9'.repeat(400)}`),
    ),
  'either',
);
add(
  'a negative duration in the manifest',
  (_b, files) => {
    const copy = new Map(files);
    const text = copy.get('manifest.json')?.toString('utf8') ?? '';
    copy.set('manifest.json', Buffer.from(text.replace(/"durationMs": \d+/, '"durationMs": -1e308')));
    return zipBundle(copy);
  },
  'either',
);
add(
  'findings.json with 20 000 findings',
  (_b, files) => {
    const findings = JSON.parse(files.get('findings.json')?.toString('utf8') ?? '{}') as {
      findings: unknown[];
    };
    const one = findings.findings[0];
    return forged(
      files,
      'findings.json',
      JSON.stringify({ ...findings, findings: Array.from({ length: 20_000 }, () => one) }),
    );
  },
  'either',
);

const dir = mkdtempSync(join(tmpdir(), 'triage-generated-'));
const cwdBefore = readdirSync(process.cwd()).sort();
let base: Buffer;
let files: Files;
let intact: string;

beforeAll(async () => {
  files = bundleFiles(prepareBundle(await sampleReport('win32'), [], { level: 'standard' }));
  base = await zipBundle(files);
  intact = join(dir, 'intact.zip');
  writeFileSync(intact, base);
});

afterAll(() => {
  // Nothing from a bundle was written anywhere: not in the working folder, not beside the cases.
  expect(readdirSync(process.cwd()).sort()).toEqual(cwdBefore);
  expect(readdirSync(dir).every((name) => /^(intact|case-\d+)\.zip$/.test(name))).toBe(true);
});

describe('generated hostile bundles', () => {
  it('are at least 100 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases.map((c, index) => [c.name, c, index] as const))(
    '%s',
    { timeout: PER_CASE_MS * 4 },
    async (_name, c, index) => {
      const started = Date.now();
      const path = join(dir, `case-${index}.zip`);
      writeFileSync(path, await c.make(base, files));
      const refusal = await expectSameEverywhere(path, intact);
      if (c.expect !== 'either') {
        expect(refusal, 'the bundle must be refused').not.toBeNull();
        expect(typeof c.expect === 'string' ? [c.expect] : c.expect).toContain(refusal?.code);
      }
      expect(Date.now() - started).toBeLessThan(PER_CASE_MS);
    },
  );
});
