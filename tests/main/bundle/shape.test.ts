/**
 * Badly shaped data in hash-valid bundles: a field of the wrong type, a value outside its enum, a
 * probe listed twice, a key twice in one object, a newer findings.json. Each is refused with a
 * message naming what is wrong — by the reader, by `inspect`/`verify` (one line, no stack trace)
 * and by the technician view's `bundle:open` — and every bundle Triage itself writes still reads.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/app/handlers';
import { DEFAULT_SETTINGS } from '../../../main/app/settings';
import { bundleFiles } from '../../../main/bundle/contents';
import { checkProbeData } from '../../../main/bundle/probe-data';
import { prepareBundle } from '../../../main/bundle/prepare';
import {
  BundleError,
  duplicateKey,
  parseBundle,
  readBundle,
  reportFromBundle,
  type BundleErrorCode,
} from '../../../main/bundle/read';
import { writeZipAtomic } from '../../../main/bundle/zip';
import { runInspect, runVerify } from '../../../main/cli/bundle-commands';
import { EXIT } from '../../../main/cli/usage';
import { findProbe } from '../../../probes/index';
import type { Platform } from '../../../probes/types';
import { zip } from '../../support/hostile-bundles';
import { sampleReport } from '../../support/sample-report';
import { capture } from '../../support/cli-io';
import { testHost } from '../../support/desktop-host';

type Files = Map<string, Buffer>;
type Json = Record<string, unknown>;

const dir = mkdtempSync(join(tmpdir(), 'triage-shape-'));
let serial = 0;

async function realFiles(platform: Platform = 'linux'): Promise<Files> {
  return bundleFiles(prepareBundle(await sampleReport(platform), [], { level: 'standard' }));
}

const readJson = (files: Files, name: string): Json =>
  JSON.parse(files.get(name)?.toString('utf8') ?? '{}') as Json;

/** Replaces a file and records its new hash in the manifest, as a careful forger would. */
function setFile(files: Files, name: string, content: Buffer): void {
  files.set(name, content);
  const manifest = readJson(files, 'manifest.json') as { files: Record<string, unknown> };
  manifest.files[name] = {
    sha256: createHash('sha256').update(content).digest('hex'),
    bytes: content.length,
  };
  files.set('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
}

/** Edits one probe's data, keeping every hash valid. */
function forgeData(files: Files, id: string, edit: (data: Json) => void): Files {
  const file = readJson(files, `probes/${id}.json`) as { data: Json };
  edit(file.data);
  setFile(files, `probes/${id}.json`, Buffer.from(JSON.stringify(file, null, 2)));
  return files;
}

/** Writes the bundle as Triage does; `stored` leaves entries uncompressed (past the zip-bomb ratio). */
async function write(files: Files, stored = false): Promise<string> {
  serial += 1;
  const path = join(dir, `b${serial}.zip`);
  if (stored)
    writeFileSync(path, await zip([...files].map(([name, content]) => ({ name, content, compress: false }))));
  else await writeZipAtomic(path, files);
  return path;
}

function handlers() {
  return createHandlers({
    host: testHost(),
    settings: DEFAULT_SETTINGS,
    stateDir: mkdtempSync(join(tmpdir(), 'triage-shape-handlers-')),
  });
}

/** An object `depth` levels deep, built without recursion. */
function deep(depth: number): Json {
  const root: Json = {};
  let at = root;
  for (let i = 0; i < depth; i += 1) {
    const next: Json = {};
    at.a = next;
    at = next;
  }
  return root;
}

interface Case {
  readonly name: string;
  readonly build: () => Promise<Files>;
  readonly code: BundleErrorCode;
  /** Whether the in-memory reader (parseBundle) already refuses it, or only readBundle/reportFromBundle. */
  readonly format: boolean;
  /** Zip it uncompressed. */
  readonly stored?: boolean;
  readonly says: string;
}

const DATA = "This bundle's data is not what Triage wrote: ";
const DAMAGED = '. It may have been edited or damaged.';

const cases: Case[] = [
  {
    name: 'a string where a list (object[]) is declared',
    build: async () =>
      forgeData(await realFiles(), 'os.reboot-pending', (d) => {
        d.pending = true;
        d.reasons = 'not a list';
      }),
    code: 'bad-data',
    format: false,
    says: `${DATA}os.reboot-pending: reasons is a string, not a list${DAMAGED}`,
  },
  {
    name: 'a string where a string[] is declared',
    build: async () =>
      forgeData(await realFiles(), 'network.connectivity', (d) => {
        (d.proxy as Json).bypass = 'localhost';
      }),
    code: 'bad-data',
    format: false,
    says: `${DATA}network.connectivity: proxy.bypass is a string, not a list${DAMAGED}`,
  },
  {
    name: 'a number where a string is declared',
    build: async () =>
      forgeData(await realFiles(), 'hardware.cpu', (d) => {
        d.model = 42;
      }),
    code: 'bad-data',
    format: false,
    says: `${DATA}hardware.cpu: model is a number, not a string${DAMAGED}`,
  },
  {
    name: 'a value outside an enum',
    build: async () =>
      forgeData(await realFiles(), 'network.connectivity', (d) => {
        (d.check as Json).outcome = 'maybe';
      }),
    code: 'bad-data',
    format: false,
    says: `${DATA}network.connectivity: check.outcome is "maybe", not one of ok, captive-portal, proxy-auth, unexpected, failed${DAMAGED}`,
  },
  {
    name: 'a non-integer where an integer is declared',
    build: async () =>
      forgeData(await realFiles(), 'hardware.cpu', (d) => {
        d.logicalCores = 2.5;
      }),
    code: 'bad-data',
    format: false,
    says: `${DATA}hardware.cpu: logicalCores is 2.5, not a whole number${DAMAGED}`,
  },
  {
    name: 'null where the field is not nullable',
    build: async () =>
      forgeData(await realFiles(), 'os.info', (d) => {
        d.supportStatus = null;
      }),
    code: 'bad-data',
    format: false,
    says: `${DATA}os.info: supportStatus is null, not a string${DAMAGED}`,
  },
  {
    name: 'a wrong element inside an object[] and a missing non-nullable field',
    build: async () =>
      forgeData(await realFiles(), 'os.reboot-pending', (d) => {
        d.reasons = [{ code: 'cbs', description: 'x' }, 'y', { code: 'cbs' }];
        delete d.pending;
      }),
    code: 'bad-data',
    format: false,
    says: `${DATA}os.reboot-pending: pending is missing; os.reboot-pending: reasons[1] is a string, not an object; os.reboot-pending: reasons[2].description is missing${DAMAGED}`,
  },
  {
    name: 'more problems than a message names',
    build: async () =>
      forgeData(await realFiles(), 'hardware.cpu', (d) => {
        d.model = 1;
        d.architecture = 2;
        d.logicalCores = 'many';
        d.virtualMachine = 'no';
        d.loadPercent = '50%';
      }),
    code: 'bad-data',
    format: false,
    says: `${DATA}hardware.cpu: model is a number, not a string; hardware.cpu: architecture is a number, not a string; hardware.cpu: logicalCores is a string, not a whole number (and 2 more)${DAMAGED}`,
  },
  {
    name: 'an enum value full of control characters, very long',
    build: async () =>
      forgeData(await realFiles(), 'os.info', (d) => {
        d.family = `\u001b[2J\u009b\u202e${'x'.repeat(500)}`;
      }),
    code: 'bad-data',
    format: false,
    says: `${DATA}os.info: family is "\\u001b[2J\\u009b\\u202e${'x'.repeat(54)}"…, not one of windows, macos, linux${DAMAGED}`,
  },
  {
    name: 'an object 100 000 levels deep in an unknown field',
    build: async () => {
      // Written by hand: JSON.stringify itself recurses and would overflow on this.
      const files = await realFiles();
      const text = files.get('probes/os.info.json')?.toString('utf8') ?? '';
      const nested = `${'{"a":'.repeat(100_000)}{}${'}'.repeat(100_000)}`;
      setFile(
        files,
        'probes/os.info.json',
        Buffer.from(text.replace('"data": {', `"data": {"fromTheFuture": ${nested},`)),
      );
      return files;
    },
    code: 'bad-json',
    format: true,
    stored: true,
    says: 'probes/os.info.json is nested more than 64 levels deep, which no Triage bundle is; it was not read.',
  },
  {
    name: 'a probe listed twice in the manifest',
    build: async () => {
      const files = await realFiles();
      const manifest = readJson(files, 'manifest.json') as { probes: Json[] };
      const info = manifest.probes.find((p) => p.id === 'os.info') ?? {};
      manifest.probes.push({ ...info, status: 'error' });
      files.set('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
      return files;
    },
    code: 'duplicate-probe',
    format: true,
    says: 'manifest.json lists the check os.info twice; Triage runs each check once, so the bundle may have been tampered with.',
  },
  {
    name: 'findings.json of a newer major format',
    build: async () => {
      const files = await realFiles();
      const findings = readJson(files, 'findings.json');
      setFile(files, 'findings.json', Buffer.from(JSON.stringify({ ...findings, schemaVersion: '2.0' })));
      return files;
    },
    code: 'newer-version',
    format: true,
    says: 'This bundle cannot be read: its findings.json was made by a newer Triage (bundle format 2.0; this Triage reads 1.x). Update Triage to open it.',
  },
  {
    name: 'a duplicate key in manifest.json',
    build: async () => {
      const files = await realFiles();
      const text = files.get('manifest.json')?.toString('utf8') ?? '';
      expect(text).toContain('"host": {\n');
      files.set(
        'manifest.json',
        Buffer.from(text.replace('"host": {\n', '"host": {\n    "hostname": "someone-else",\n')),
      );
      return files;
    },
    code: 'duplicate-key',
    format: true,
    says: 'manifest.json holds the key "hostname" twice in "host"; Triage never writes that and readers disagree on which one counts, so the bundle may have been tampered with.',
  },
];

/** Control characters (other than the final newline) and bidi overrides. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\n(?!$)/;
const unescaped = (text: string): string => text.replace(/\\\\/g, '\\');

describe('badly shaped bundles', () => {
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: the reader refuses it, naming the problem',
    async (_name, c) => {
      const path = await write(await c.build(), c.stored);
      await expect(readBundle(path)).rejects.toSatisfy(
        (e) => e instanceof BundleError && e.code === c.code && e.message === c.says,
      );
      // In memory: the format checks are parseBundle's; the data checks are reportFromBundle's too.
      const parsed = parseBundle(readFileSync(path));
      if (c.format) await expect(parsed).rejects.toMatchObject({ code: c.code, message: c.says });
      else {
        const bundle = await parsed;
        expect(() => reportFromBundle(bundle)).toThrow(c.says);
      }
    },
  );

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: inspect and verify say so in one line, without a stack trace',
    async (_name, c) => {
      const path = await write(await c.build(), c.stored);
      const inspect = capture();
      expect(await runInspect([path], inspect.io)).toBe(EXIT.failed);
      expect(inspect.out()).toBe('');
      // The CLI escapes what it prints from a bundle (a backslash shows doubled); nothing raw gets out.
      expect(inspect.err()).not.toMatch(UNSAFE);
      expect(unescaped(inspect.err())).toBe(`triage: ${path}: ${c.says}\n`);

      const verify = capture();
      expect(await runVerify([path], verify.io)).toBe(EXIT.findings);
      expect(verify.out().replace(/\n/g, '')).not.toMatch(UNSAFE);
      expect(unescaped(verify.out())).toBe(`${path}: NOT OK\n  ${c.says}\n`);
      expect(verify.err()).toBe('');
    },
  );

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: the technician view gets the message, not a stuck "Opening…"',
    async (_name, c) => {
      const path = await write(await c.build(), c.stored);
      expect(await handlers()['bundle:open'](path)).toEqual({ ok: false, error: c.says });
    },
  );
});

describe('what still reads', () => {
  it.each(['win32', 'linux', 'darwin'] as const)(
    'every bundle Triage writes (%s) fits its descriptors and opens everywhere',
    async (platform) => {
      const files = await realFiles(platform);
      for (const [name, content] of files)
        if (name.endsWith('.json')) expect(duplicateKey(content.toString('utf8')), name).toBeNull();
      const path = await write(files);
      const bundle = await readBundle(path);
      expect(bundle.probes.size).toBeGreaterThan(20);
      for (const [id, file] of bundle.probes) {
        const fields = findProbe(id)?.descriptor.fields ?? {};
        expect(checkProbeData(id, fields, file.data)).toEqual({ problems: [], total: 0 });
      }
      expect(reportFromBundle(bundle).run.probes.length).toBe(bundle.manifest.probes.length);
      const inspect = capture();
      expect(await runInspect([path], inspect.io)).toBe(EXIT.ok);
      expect(inspect.err()).toBe('');
      expect(await handlers()['bundle:open'](path)).toMatchObject({ ok: true });
    },
  );

  it('unknown fields (a newer Triage) are read and ignored, even nested as deep as the reader allows', async () => {
    const path = await write(
      forgeData(await realFiles(), 'hardware.cpu', (d) => {
        d.fromTheFuture = deep(50);
        (d as Json & { extra: unknown }).extra = ['anything', 1, null];
      }),
    );
    const report = reportFromBundle(await readBundle(path));
    expect(report.run.probes.find((p) => p.id === 'hardware.cpu')?.data).toHaveProperty('fromTheFuture');
    // inspect shows it (`verify`'s stricter check may flag the undocumented field: exit 1 with a
    // warning); it must not refuse it or crash.
    const inspect = capture();
    expect([EXIT.ok, EXIT.findings]).toContain(await runInspect([path], inspect.io));
    expect(inspect.out()).toContain('Findings:');
    expect(inspect.err()).not.toMatch(/\n\s+at /);
    expect(await handlers()['bundle:open'](path)).toMatchObject({ ok: true });
  });

  it('a missing nullable field (an older Triage did not say it) reads as null', async () => {
    const path = await write(
      forgeData(await realFiles(), 'hardware.cpu', (d) => {
        delete d.loadPercent;
      }),
    );
    const bundle = await readBundle(path);
    const cpu = reportFromBundle(bundle).run.probes.find((p) => p.id === 'hardware.cpu')?.data;
    expect(cpu).toHaveProperty('loadPercent', null);
    // The bundle itself is left as it was read, for verify.
    expect(bundle.probes.get('hardware.cpu')?.data).not.toHaveProperty('loadPercent');
  });

  it('a probe this Triage does not know is not checked', async () => {
    const files = await realFiles();
    setFile(
      files,
      'probes/os.future.json',
      Buffer.from(JSON.stringify({ id: 'os.future', status: 'ok', data: { model: 42 } })),
    );
    const bundle = await readBundle(await write(files));
    expect(() => reportFromBundle(bundle)).not.toThrow();
  });
});

describe('checkProbeData', () => {
  const fields = findProbe('network.connectivity')?.descriptor.fields ?? {};

  it('does not recurse into untrusted depth', () => {
    // Far past any stack: only declared fields are walked, so depth in unknown ones costs nothing.
    const data = { check: { outcome: 'ok', fromTheFuture: deep(100_000) }, more: deep(100_000) };
    expect(checkProbeData('network.connectivity', fields, data).problems).not.toContainEqual(
      expect.stringContaining('fromTheFuture'),
    );
  });

  it('checks every element of a long list in one pass, and counts what it leaves off', () => {
    const targets = Array.from({ length: 200_000 }, (_, i) => ({ host: i, alive: true, lossPercent: 0 }));
    const result = checkProbeData('network.connectivity', fields, { targets }, { limit: 2 });
    expect(result.problems).toEqual([
      'network.connectivity: check is missing',
      'network.connectivity: proxy is missing',
    ]);
    expect(result.total).toBe(200_002);
  });

  it('refuses data that is not an object', () => {
    expect(checkProbeData('network.connectivity', fields, [1]).problems).toEqual([
      'network.connectivity: its data is a list, not an object',
    ]);
    expect(checkProbeData('network.connectivity', fields, null).total).toBe(0);
  });
});

describe('duplicateKey', () => {
  it('finds a key spelled twice differently, and not the same key in sibling objects', () => {
    expect(duplicateKey('{"a":1,"\\u0061":2}')).toEqual({ key: 'a', path: '' });
    expect(duplicateKey('{"p":[{"id":"x","id":"y"}]}')).toEqual({ key: 'id', path: 'p[]' });
    expect(duplicateKey('{"p":[{"id":"x"},{"id":"y"}],"q":{"id":"\\"}{,"}}')).toBeNull();
    expect(duplicateKey('["a","a",{"b":"a","c":"a"}]')).toBeNull();
  });
});
