/**
 * Running programs: argument arrays, budgets, output caps and clear errors.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBE_CONFIG } from '../../../probes/config';
import type { OperationRecord } from '../../../probes/types';
import { createSystemContext } from '../../../probes/system/context';
import { silentLogger } from '../../support/fixtures';

function context(commandTimeoutMs = 5_000) {
  const operations: OperationRecord[] = [];
  const ctx = createSystemContext({
    platform: 'linux',
    signal: new AbortController().signal,
    config: DEFAULT_PROBE_CONFIG,
    log: silentLogger,
    commandTimeoutMs,
    record: (op) => operations.push(op),
  });
  return { ctx, operations };
}

describe('exec', () => {
  it('passes arguments as they are, with no shell to interpret them', async () => {
    const { ctx } = context();
    const result = await ctx.exec('printf', ['%s|', '$(id)', '; rm -rf /', '`x`']);
    expect(result.stdout).toBe('$(id)|; rm -rf /|`x`|');
  });

  it('forces the C locale so output parses the same on every machine', async () => {
    const { ctx } = context();
    expect((await ctx.exec('printenv', ['LC_ALL'])).stdout.trim()).toBe('C');
  });

  it('says when a program is not installed', async () => {
    const { ctx, operations } = context();
    await expect(ctx.exec('triage-no-such-program', [])).rejects.toMatchObject({
      code: 'command-not-found',
      message: expect.stringContaining('not installed'),
    });
    expect(operations[0]).toMatchObject({ target: 'triage-no-such-program', error: 'command-not-found' });
  });

  it('fails on an unexpected exit code with the first line of stderr, and records the code', async () => {
    const { ctx, operations } = context();
    await expect(ctx.exec('ls', ['/triage-does-not-exist'])).rejects.toMatchObject({
      code: 'command-failed',
      message: expect.stringMatching(/exited with code 2: ls: cannot access/),
    });
    expect(operations[0]).toMatchObject({ exitCode: 2, error: 'command-failed' });
  });

  it('accepts exit codes the caller says are fine', async () => {
    const { ctx } = context();
    expect((await ctx.exec('false', [], { okExitCodes: [0, 1] })).exitCode).toBe(1);
  });

  it('stops a command at its own timeout', async () => {
    const { ctx } = context();
    await expect(ctx.exec('sleep', ['5'], { timeoutMs: 150 })).rejects.toMatchObject({
      code: 'timeout',
      message: expect.stringContaining('150 ms'),
    });
  });

  it('refuses output past the cap instead of filling memory', async () => {
    const { ctx } = context();
    await expect(ctx.exec('head', ['-c', '200000', '/dev/zero'], { maxBytes: 10_000 })).rejects.toMatchObject(
      { code: 'output-too-large' },
    );
  });

  it('reads files and says clearly when one is missing', async () => {
    const { ctx } = context();
    expect(await ctx.readFile('/proc/self/status')).toContain('Name:');
    await expect(ctx.readFile('/triage/nope')).rejects.toMatchObject({ code: 'not-found' });
    await expect(ctx.readFile('/proc/self/status', { maxBytes: 10 })).rejects.toMatchObject({
      code: 'output-too-large',
    });
  });

  it('does not use systeminformation on Windows (it would start its own PowerShell)', async () => {
    const ctx = createSystemContext({
      platform: 'win32',
      signal: new AbortController().signal,
      config: DEFAULT_PROBE_CONFIG,
      log: silentLogger,
      commandTimeoutMs: 1_000,
      record: () => undefined,
    });
    await expect(ctx.systemInformation('cpu')).rejects.toMatchObject({ code: 'internal' });
  });
});
