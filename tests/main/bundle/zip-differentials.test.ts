/**
 * Zip parser differentials (issue 13): archives that zip tools read in different ways, so a
 * technician's unzip could show other files than Triage checked. Each is refused by the reader
 * with a message naming what is wrong, and `triage verify`, `inspect`, `diff` and the app's
 * handlers say exactly that. The hand-made zips read fine when nothing is broken.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../main/bundle/contents';
import { prepareBundle } from '../../../main/bundle/prepare';
import { BundleError, parseBundle } from '../../../main/bundle/read';
import { verifyBundle } from '../../../main/bundle/verify';
import {
  craftZip,
  expectSameEverywhere,
  zipDifferentials,
  type CraftEntry,
} from '../../support/hostile-bundles';
import { sampleReport } from '../../support/sample-report';

const dir = mkdtempSync(join(tmpdir(), 'triage-differentials-'));
let files: Map<string, Buffer>;
let intact: string;
const entries = (): CraftEntry[] => [...files].map(([name, content]) => ({ name, content }));

beforeAll(async () => {
  files = bundleFiles(prepareBundle(await sampleReport('linux'), [], { level: 'standard' }));
  intact = join(dir, 'intact.zip');
  writeFileSync(intact, craftZip(entries()));
});

describe('hand-made zips', () => {
  it('read and verify when nothing is broken, also stored, with a folder entry or a true data descriptor', async () => {
    const variants = [
      craftZip(entries()),
      craftZip(entries().map((e) => ({ ...e, deflate: false }))),
      craftZip([{ name: 'probes/', content: '', deflate: false }, ...entries()]),
      craftZip(entries().map((e) => ({ ...e, descriptor: {} }))),
    ];
    for (const bytes of variants) {
      const bundle = await parseBundle(bytes);
      expect(verifyBundle(bundle).problems).toEqual([]);
      expect([...bundle.entries.keys()].sort()).toEqual([...files.keys()].sort());
    }
  });
});

describe('zip parser differentials', () => {
  // Names are needed before beforeAll runs; the cases are built from the real files when run.
  const names = zipDifferentials(new Map([['x', Buffer.alloc(0)]])).map((d) => d.name);

  it('are at least 30 kinds', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
  });

  it.each(names.map((name, index) => [name, index] as const))(
    '%s: refused everywhere with a message naming it',
    async (name, index) => {
      const differential = zipDifferentials(files)[index];
      if (!differential || differential.name !== name) throw new Error('cases out of order');
      const path = join(dir, `case-${index}.zip`);
      writeFileSync(path, differential.build());
      const refusal = await expectSameEverywhere(path, intact);
      expect(refusal).toBeInstanceOf(BundleError);
      expect(refusal?.code).toBe(differential.code);
      expect(refusal?.message).toMatch(differential.says);
    },
  );
});
