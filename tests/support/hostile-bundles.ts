/**
 * A corpus of malformed and malicious bundles, made by the tests themselves: damaged zips, zip-slip
 * names, zip bombs, forged headers, wrong or newer schemas. Each says which error the reader must give.
 */
import yazl from 'yazl';
import type { BundleErrorCode } from '../../main/bundle/read';

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
