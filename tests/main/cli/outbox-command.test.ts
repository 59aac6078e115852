/**
 * `triage submit` and `triage outbox` as a script or an admin uses them: submitting twice files
 * once, a submit during another sender waits for it, damaged reports are shown and repaired, and a
 * full disk says the report was not queued and where it is. Bundles are Triage's own (the sample
 * report written as a real bundle); the destination is the local folder, so every ticket is a file.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../main/bundle/contents';
import { prepareBundle } from '../../../main/bundle/prepare';
import { writeZipAtomic } from '../../../main/bundle/zip';
import { runOutbox, runSubmit } from '../../../main/cli/ticket-commands';
import { UsageError } from '../../../main/cli/usage';
import { tryExclusiveLock } from '../../../main/fs-lock';
import { sampleReport } from '../../support/sample-report';
import { capture } from '../../support/cli-io';

let dir: string;
let tickets: string;
let bundle: string;
const saved = { ...process.env };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'triage-outbox-cli-'));
  tickets = join(dir, 'tickets');
  mkdirSync(tickets);
  process.env.TRIAGE_STATE_DIR = join(dir, 'state');
  process.env.TRIAGE_HELPDESK = JSON.stringify({ kind: 'local-folder', folder: tickets });
  bundle = join(dir, 'triage-pc-1.zip');
  const files = bundleFiles(prepareBundle(await sampleReport('win32'), [], { level: 'standard' }));
  await writeZipAtomic(bundle, files);
});
afterEach(() => {
  process.env = { ...saved };
});

const outboxDir = () => join(dir, 'state', 'outbox');
/** The local folder saves each report as its bundle plus a text file. */
const zips = () => readdirSync(tickets).filter((name) => name.endsWith('.zip'));

describe('triage submit', () => {
  it('files a bundle submitted twice (a script re-run) only once, and says it was sent before', async () => {
    const first = capture();
    expect(await runSubmit([bundle], first.io)).toBe(0);
    expect(first.out()).toMatch(/^Saved for /);
    const again = capture();
    expect(await runSubmit([bundle], again.io)).toBe(0);
    expect(again.out()).toMatch(/was submitted before\. Saved for /);
    expect(zips()).toHaveLength(1);
    // A copy of the same file is the same report; --key names a different one on purpose.
    const copy = join(dir, 'copy.zip');
    copyFileSync(bundle, copy);
    expect(await runSubmit([copy], capture().io)).toBe(0);
    expect(zips()).toHaveLength(1);
    expect(await runSubmit([copy, '--key', '0b0b0b0b-1111-4222-8333-444444444444'], capture().io)).toBe(0);
    expect(zips()).toHaveLength(2);
  });

  it('refuses a key that is not a UUID before queueing anything', async () => {
    await expect(runSubmit([bundle, '--key', '../../etc'], capture().io)).rejects.toThrow(UsageError);
    expect(readdirSync(dir)).not.toContain('state');
  });

  it('waits for another sender and then sends its report itself', async () => {
    mkdirSync(outboxDir(), { recursive: true });
    const other = await tryExclusiveLock(join(outboxDir(), '.lock'));
    setTimeout(() => void other.lock?.release(), 600);
    const run = capture();
    expect(await runSubmit([bundle], run.io)).toBe(0);
    expect(run.err()).toMatch(/Another Triage process .*is sending the outbox right now.*Waiting for it/s);
    expect(run.out()).toMatch(/^Saved for /);
    expect(zips()).toHaveLength(1);
  });
});

describe('triage outbox', () => {
  it('lists each report with its bundle path and SHA-256, and damaged ones with what to do', async () => {
    process.env.TRIAGE_HELPDESK = JSON.stringify({ kind: 'local-folder', folder: join(dir, 'missing', 'x') });
    rmSync(tickets, { recursive: true });
    writeFileSync(tickets, 'a file where the folder should be'); // the destination refuses
    process.env.TRIAGE_HELPDESK = JSON.stringify({ kind: 'local-folder', folder: join(tickets, 'sub') });
    await runSubmit([bundle], capture().io);
    const damagedKey = '0d0d0d0d-1111-4222-8333-444444444444';
    await runSubmit([bundle, '--key', damagedKey], capture().io);
    writeFileSync(join(outboxDir(), damagedKey, 'state.json'), 'null');

    const json = capture();
    expect(await runOutbox(['list', '--json'], json.io)).toBe(0);
    const listed = JSON.parse(json.out()) as Record<string, unknown>[];
    expect(listed).toEqual([
      expect.objectContaining({
        status: expect.stringMatching(/queued|failed/),
        bundle: expect.objectContaining({
          path: expect.stringMatching(/outbox[/\\][0-9a-f-]{36}[/\\]bundle\.zip$/),
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
      }),
      {
        key: damagedKey,
        status: 'damaged',
        problem: expect.stringContaining('state.json'),
        repairable: true,
      },
    ]);

    const text = capture();
    await runOutbox(['list'], text.io);
    expect(text.out()).toContain(
      `${damagedKey}  damaged  its state.json: it does not hold what Triage wrote`,
    );
    expect(text.out()).toContain('Run "triage outbox check --quarantine" to repair it.');

    const retry = capture();
    expect(await runOutbox(['retry', damagedKey], retry.io)).toBe(3);
    expect(retry.err()).toMatch(/is damaged: its state\.json/);

    const check = capture();
    expect(await runOutbox(['check'], check.io)).toBe(1);
    expect(check.out()).toContain(damagedKey);
    const repair = capture();
    expect(await runOutbox(['check', '--quarantine'], repair.io)).toBe(0);
    expect(repair.out()).toContain(`${damagedKey}: repaired`);
    const after = capture();
    await runOutbox(['list', '--json'], after.io);
    expect((JSON.parse(after.out()) as { status: string }[]).map((i) => i.status)).not.toContain('damaged');
  });

  it('says a report that is not due yet is not due, instead of "nothing is due"', async () => {
    process.env.TRIAGE_HELPDESK = JSON.stringify({
      kind: 'request-tracker',
      url: 'https://127.0.0.1:1', // nothing listens: refused, never sent
      queue: 'General',
      token: 'not-a-real-token',
    });
    const key = '0e0e0e0e-1111-4222-8333-444444444444';
    expect(await runSubmit([bundle, '--key', key], capture().io)).toBe(1);
    const retry = capture();
    expect(await runOutbox(['retry', key], retry.io)).toBe(0);
    expect(retry.out()).toMatch(new RegExp(`^${key}: not due until .*--all" sends it now\\.`));
  });
});

/** A tiny filesystem that fills up: only as root (CI runs as root), with `mount -t tmpfs`. */
function tinyDisk(): string | null {
  const mountPoint = mkdtempSync(join(tmpdir(), 'triage-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return mountPoint;
  } catch {
    return null;
  }
}

describe.skipIf(process.getuid?.() !== 0 && process.env.CI !== 'true')('a full disk', () => {
  it('says the report was NOT queued, where the bundle is, and leaves no partial files', async () => {
    const disk = tinyDisk();
    expect(disk, 'mounting a small tmpfs needs root').not.toBeNull();
    try {
      process.env.TRIAGE_STATE_DIR = join(disk ?? '', 'state');
      const large = bundle; // larger than the whole disk
      const run = capture();
      expect(await runSubmit([large], run.io)).toBe(3);
      expect(run.err()).toContain('The report was NOT queued: the disk is full');
      expect(run.err()).toContain(large);
      expect(readdirSync(join(disk ?? '', 'state', 'outbox')).filter((n) => n !== '.lock')).toEqual([]);
    } finally {
      if (disk) execFileSync('umount', [disk]);
    }
  });
});
