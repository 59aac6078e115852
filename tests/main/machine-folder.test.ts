/**
 * Where root keeps its outbox: a folder a user created first (and owns) or can write to is refused,
 * since root writing reports, logs and locks there would write wherever that user points it.
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOutbox } from '../../main/cli/ticket-commands';
import { main } from '../../main/cli/triage';
import { untrustedMachineFolder } from '../../main/paths';

const dirStat = (uid: number, mode: number) => ({ uid, mode: 0o040000 | mode, isDirectory: () => true });

describe('untrustedMachineFolder', () => {
  it('accepts root-owned folders that only root can change, below a sticky /tmp', () => {
    const stats: Record<string, ReturnType<typeof dirStat>> = {
      '/var': dirStat(0, 0o755),
      '/var/lib': dirStat(0, 0o755),
      '/var/lib/triage': dirStat(0, 0o700),
      '/tmp': dirStat(0, 0o1777),
      '/tmp/t': dirStat(0, 0o700),
    };
    const stat = (p: string) => stats[p] ?? null;
    expect(untrustedMachineFolder('/var/lib/triage', stat)).toBeNull();
    expect(untrustedMachineFolder('/tmp/t', stat)).toBeNull();
    // Not created yet: Triage creates it itself, as root.
    expect(untrustedMachineFolder('/var/lib/triage-new', stat)).toBeNull();
  });

  it('refuses a folder a user owns, or one others can write to, saying how to fix it', () => {
    const stat = (owner: number, mode: number) => (p: string) =>
      p === '/var/lib/triage' ? dirStat(owner, mode) : dirStat(0, 0o755);
    expect(untrustedMachineFolder('/var/lib/triage', stat(1000, 0o755))).toMatch(
      /belongs to user 1000, not root.*chown root:root \/var\/lib\/triage/,
    );
    expect(untrustedMachineFolder('/var/lib/triage', stat(0, 0o777))).toMatch(/chmod go-w/);
    // A world-writable sticky folder is fine above, never as the folder itself.
    expect(untrustedMachineFolder('/var/lib/triage', stat(0, 0o1777))).toMatch(/chmod go-w/);
  });
});

describe.skipIf(process.getuid?.() !== 0)('triage outbox as root', () => {
  it('refuses a state folder a user created, with exit 3 and what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-machine-'));
    const state = join(dir, 'state');
    mkdirSync(state);
    chownSync(state, 1000, 1000);
    chmodSync(state, 0o755);
    const saved = process.env.TRIAGE_STATE_DIR;
    process.env.TRIAGE_STATE_DIR = state;
    const err: string[] = [];
    const io = {
      stdout: { write: () => true },
      stderr: { write: (t: string) => err.push(t) > 0 },
    } as unknown as NonNullable<Parameters<typeof main>[1]>;
    try {
      expect(await main(['outbox', 'list'], io)).toBe(3);
      expect(err.join('')).toMatch(/belongs to user 1000, not root/);
      await expect(runOutbox(['list'], io)).rejects.toThrow(/not root/);
    } finally {
      process.env.TRIAGE_STATE_DIR = saved;
    }
  });
});
