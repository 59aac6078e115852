/**
 * Bundles are hostile input: every malformed or malicious one in the corpus gets a clear error,
 * nothing crashes, and nothing is written to disk.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BundleError,
  DEFAULT_LIMITS,
  parseBundle,
  readBundle,
  type BundleLimits,
} from '../../../main/bundle/read';
import { zipBundle, writeZipAtomic } from '../../../main/bundle/zip';
import { verifyBundle } from '../../../main/bundle/verify';
import { bundleFiles } from '../../../main/bundle/contents';
import { BundleChoiceError, prepareBundle } from '../../../main/bundle/prepare';
import { hostileCorpus, validFiles, zip } from '../../support/hostile-bundles';
import { sampleReport } from '../../support/sample-report';

const corpus = hostileCorpus();

describe('hostile bundles', () => {
  it('are at least 25 kinds', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
  });

  it.each(corpus.map((c) => [c.name, c] as const))(
    '%s: refused with a clear message',
    async (_name, bundle) => {
      const cwdBefore = readdirSync(process.cwd()).sort();
      const error = await parseBundle(await bundle.build()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BundleError);
      const { code, message } = error as BundleError;
      expect(code).toBe(bundle.code);
      expect(message.length).toBeGreaterThan(20);
      expect(message).not.toMatch(/\n\s+at /); // no stack traces for users
      expect(readdirSync(process.cwd()).sort()).toEqual(cwdBefore);
    },
  );

  it('refuses a file over the size limit before loading it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'triage-big-')), 'big.zip');
    writeFileSync(path, Buffer.alloc(2048));
    await expect(readBundle(path, { ...DEFAULT_LIMITS, maxFileBytes: 1024 })).rejects.toMatchObject({
      code: 'too-large',
    });
  });

  it('refuses an entry over the per-entry limit', async () => {
    const buffer = await zip([
      ...validFiles(),
      { name: 'triage.log', content: 'z'.repeat(5000), compress: false },
    ]);
    await expect(parseBundle(buffer, { ...DEFAULT_LIMITS, maxEntryBytes: 1000 })).rejects.toMatchObject({
      code: 'too-large',
    });
  });

  it('says clearly when the path is not a readable file', async () => {
    await expect(readBundle('/nonexistent/b.zip')).rejects.toMatchObject({
      code: 'unreadable',
      message: expect.stringContaining('ENOENT'),
    });
    await expect(readBundle(tmpdir())).rejects.toMatchObject({
      code: 'unreadable',
      message: expect.stringContaining('not a file'),
    });
  });

  it('accepts an older minor format version and a bundle with folder entries', async () => {
    const files = validFiles({ schemaVersion: '1.0' });
    const bundle = await parseBundle(await zip([{ name: 'probes/', content: '' }, ...files]));
    expect(bundle.manifest.schemaVersion).toBe('1.0');
  });
});

describe('verify on altered bundles', () => {
  const real = async () => bundleFiles(prepareBundle(await sampleReport('linux'), [], { level: 'standard' }));
  const asZip = (files: Map<string, Buffer>) => zip([...files].map(([name, content]) => ({ name, content })));

  it('finds a file changed after writing', async () => {
    const files = await real();
    files.set('findings.json', Buffer.from(JSON.stringify({ schemaVersion: '1.0', findings: [] })));
    const { problems } = verifyBundle(await parseBundle(await asZip(files)));
    expect(
      problems.some((p) => p.startsWith('findings.json has been changed since the bundle was written')),
    ).toBe(true);
  });

  it('finds a file added after writing, and one taken away', async () => {
    const files = await real();
    files.delete('report.html');
    files.set(
      'probes/os.extra.json',
      Buffer.from(JSON.stringify({ id: 'os.extra', status: 'ok', data: {} })),
    );
    const { problems } = verifyBundle(await parseBundle(await asZip(files)));
    expect(problems).toContain('report.html is listed in the manifest but missing from the bundle.');
    expect(problems).toContain(
      'probes/os.extra.json is in the bundle but not in the manifest: it was added afterwards.',
    );
  });

  it('finds probe data that does not match its documented fields', async () => {
    const files = await real();
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as {
      files: Record<string, { sha256: string; bytes: number }>;
    };
    const forged = Buffer.from(JSON.stringify({ id: 'hardware.cpu', status: 'ok', data: { model: 42 } }));
    files.set('probes/hardware.cpu.json', forged);
    const { createHash } = await import('node:crypto');
    manifest.files['probes/hardware.cpu.json'] = {
      sha256: createHash('sha256').update(forged).digest('hex'),
      bytes: forged.length,
    };
    files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    const { problems } = verifyBundle(await parseBundle(await asZip(files)));
    expect(problems).toContainEqual(expect.stringMatching(/^hardware\.cpu: model is a number, not a string/));
  });
});

describe('the writer never writes what the reader refuses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'triage-writer-limits-'));
  const prepared = async () => prepareBundle(await sampleReport('linux'), [], { level: 'standard' });
  let serial = 0;
  const target = () => join(dir, `b${(serial += 1)}.zip`);

  it('writes and reads back a bundle exactly at each limit, and refuses to write one just over it', async () => {
    const files = bundleFiles(await prepared());
    const sizes = [...files.values()].map((b) => b.length);
    const zipped = (await zipBundle(files)).length;
    const at: [keyof BundleLimits, number][] = [
      ['maxEntryBytes', Math.max(...sizes)],
      ['maxTotalBytes', sizes.reduce((a, b) => a + b, 0)],
      ['maxEntries', files.size],
      ['maxFileBytes', zipped],
    ];
    for (const [limit, value] of at) {
      const exact = { ...DEFAULT_LIMITS, [limit]: value };
      const path = target();
      expect(await writeZipAtomic(path, files, exact)).toBe(zipped);
      expect((await readBundle(path, exact)).entries.size).toBe(files.size);

      const over = { ...DEFAULT_LIMITS, [limit]: value - 1 };
      const refused = target();
      const error = await writeZipAtomic(refused, files, over).catch((e: unknown) => e);
      expect(error, limit).toBeInstanceOf(BundleChoiceError);
      expect((error as Error).message).toMatch(/^This report is too large for a bundle Triage can read: /);
      // What the writer refuses, the reader refuses too (so the limits really are the same).
      await expect(readBundle(path, over)).rejects.toBeInstanceOf(BundleError);
      expect(readdirSync(dir)).not.toContain(basename(refused));
    }
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  // The case: Triage wrote a 12.8 MB bundle that its own verify refused (a file past the
  // per-file limit). Now the writer refuses it, says why and what to leave out, and writes nothing.
  it('refuses a report with a file over the per-file limit, naming the largest sections', async () => {
    const base = await prepared();
    let seed = 1;
    const noise = () => (seed = (seed * 48271) % 2147483647).toString(36);
    const log = Array.from({ length: 180_000 }, (_, i) => ({
      time: '2026-11-24T10:00:00.000Z',
      level: 'info' as const,
      message: `probe output line ${i}: ${noise()} ${noise()} ${noise()} ${noise()} ${noise()} ${noise()}`,
    }));
    const files = bundleFiles({ ...base, log });
    expect(files.get('triage.log')?.length).toBeGreaterThan(DEFAULT_LIMITS.maxEntryBytes);
    const path = target();
    await expect(writeZipAtomic(path, files)).rejects.toThrow(
      /^This report is too large for a bundle Triage can read: triage\.log unpacks to \d+ bytes; the limit is 16777216\. Leave out the largest sections \(triage\.log, \d+ bytes; /,
    );
    expect(readdirSync(dir)).not.toContain(basename(path));
  });

  it('stores an entry that compresses too well instead of writing what looks like a zip bomb', async () => {
    const files = bundleFiles({
      ...(await prepared()),
      log: Array.from({ length: 40_000 }, () => ({
        time: '2026-11-24T10:00:00.000Z',
        level: 'info' as const,
        message: 'waiting for the network',
      })),
    });
    const path = target();
    await writeZipAtomic(path, files);
    const bundle = await readBundle(path);
    expect(bundle.log).toBe(files.get('triage.log')?.toString('utf8'));
    expect(verifyBundle(bundle).problems).toEqual([]);
  });
});
