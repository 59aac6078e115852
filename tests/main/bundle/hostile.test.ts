/**
 * Bundles are hostile input: every malformed or malicious one in the corpus gets a clear error,
 * nothing crashes, and nothing is written to disk.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleError, DEFAULT_LIMITS, parseBundle, readBundle } from '../../../main/bundle/read';
import { verifyBundle } from '../../../main/bundle/verify';
import { bundleFiles } from '../../../main/bundle/contents';
import { prepareBundle } from '../../../main/bundle/prepare';
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
