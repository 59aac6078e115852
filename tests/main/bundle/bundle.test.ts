/**
 * A bundle written by Triage reads back, verifies, and validates against the published JSON Schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../main/bundle/contents';
import { generateFormatDoc, generateSchemaFiles } from '../../../main/bundle/json-schema';
import { prepareBundle } from '../../../main/bundle/prepare';
import { parseBundle, reportFromBundle } from '../../../main/bundle/read';
import { verifyBundle } from '../../../main/bundle/verify';
import { writeZipAtomic } from '../../../main/bundle/zip';
import { sampleReport } from '../../support/sample-report';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const ROOT = join(__dirname, '..', '..', '..');

async function writtenBundle(platform: 'win32' | 'linux' | 'darwin' = 'win32') {
  const report = await sampleReport(platform);
  const files = bundleFiles(
    prepareBundle(
      report,
      [{ time: '2026-11-24T10:00:00.000Z', level: 'info', message: 'Collection started' }],
      { level: 'standard' },
    ),
  );
  const path = join(mkdtempSync(join(tmpdir(), 'triage-bundle-')), 'b.zip');
  await writeZipAtomic(path, files);
  return { report, files, buffer: readFileSync(path) };
}

describe('a bundle Triage writes', () => {
  it.each(['win32', 'linux', 'darwin'] as const)('reads back intact (%s)', async (platform) => {
    const { report, buffer } = await writtenBundle(platform);
    const bundle = await parseBundle(buffer);
    expect(verifyBundle(bundle)).toEqual({ problems: [], notes: [] });
    const back = reportFromBundle(bundle);
    expect(back.run.probes.map((p) => [p.id, p.status])).toEqual(
      report.run.probes.map((p) => [p.id, p.status]),
    );
    expect(back.findings.map((f) => f.id)).toEqual(report.findings.map((f) => f.id));
    expect(bundle.html).toContain('<!doctype html>');
    expect(bundle.log).toContain('Collection started');
  });

  it.each(['win32', 'linux', 'darwin'] as const)(
    'validates against the published JSON Schema (%s)',
    async (platform) => {
      const { files } = await writtenBundle(platform);
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats(ajv);
      const schema = (name: string) =>
        JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')) as object;
      const check = (schemaName: string, file: string): void => {
        const validate = ajv.getSchema(schemaName) ?? ajv.compile(schema(schemaName));
        const ok = validate(JSON.parse(files.get(file)?.toString('utf8') ?? 'null'));
        expect(ok, `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      };
      check('manifest.schema.json', 'manifest.json');
      check('findings.schema.json', 'findings.json');
      for (const name of files.keys()) {
        const match = /^probes\/(.+)\.json$/.exec(name);
        if (match) check(`probes/${match[1]}.schema.json`, name);
      }
    },
  );

  it('lists every other file in the manifest with its hash', async () => {
    const { files } = await writtenBundle();
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as {
      files: Record<string, unknown>;
    };
    expect(Object.keys(manifest.files).sort()).toEqual(
      [...files.keys()].filter((n) => n !== 'manifest.json').sort(),
    );
  });

  it('is the same bytes when written twice from the same report', async () => {
    const report = await sampleReport('linux');
    const a = bundleFiles(prepareBundle(report, [], { level: 'standard' }));
    const b = bundleFiles(prepareBundle(report, [], { level: 'standard' }));
    expect([...a.entries()].map(([n, c]) => [n, c.toString('base64')])).toEqual(
      [...b.entries()].map(([n, c]) => [n, c.toString('base64')]),
    );
  });
});

describe('the published format', () => {
  it('is up to date with the code (run `npm run schemas` after changing a probe or the format)', () => {
    for (const [path, content] of generateSchemaFiles())
      expect(readFileSync(join(ROOT, path), 'utf8'), path).toBe(content);
    expect(readFileSync(join(ROOT, 'docs', 'bundle-format.md'), 'utf8')).toBe(generateFormatDoc());
  });
});
