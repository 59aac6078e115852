/**
 * The shared PowerShell session, driven by a fake powershell that speaks node-powershell's protocol.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProbeError } from '../../../probes/errors';
import {
  buildInvocation,
  createPowerShellHost,
  parseScriptOutput,
  type PowerShellHost,
} from '../../../probes/system/powershell';

const FAKE = join(__dirname, '..', '..', 'support', 'fake-powershell.mjs');

describe('the shared PowerShell session', () => {
  let dir: string;
  let host: PowerShellHost;
  const script = (name: string, body: string): string => {
    const path = join(dir, name);
    writeFileSync(path, `param($TriageArgs)\n${body}\n`);
    return path;
  };
  const sessions = (): number => readFileSync(join(dir, 'sessions.log'), 'utf8').trim().split('\n').length;
  const run = (path: string, timeoutMs = 5_000) =>
    host.run(path, {}, { timeoutMs, signal: new AbortController().signal });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'triage-ps-'));
    process.env.FAKE_PS_LOG = join(dir, 'sessions.log');
    host = createPowerShellHost(FAKE);
  });
  afterEach(async () => {
    await host.dispose();
    delete process.env.FAKE_PS_LOG;
  });

  it('runs many scripts in one session and parses their JSON', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => run(script(`s${n}.ps1`, `# fake-print: {"n":${n}}`))),
    );
    expect(results.map((r) => r.json)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    expect(sessions()).toBe(1);
  });

  it('kills a hung script at its budget and carries on in a fresh session', async () => {
    const hung = run(script('hang.ps1', '# fake-hang'), 300);
    const after = run(script('after.ps1', '# fake-print: {"ok":true}'));
    await expect(hung).rejects.toMatchObject({ code: 'timeout' });
    expect((await after).json).toEqual({ ok: true });
    expect(sessions()).toBe(2);
  });

  it('passes on what a script wrote to the error stream', async () => {
    const result = await run(script('err.ps1', '# fake-error: Access is denied'));
    expect(result.stderr).toContain('Access is denied');
  });

  it('stops a queued script when its probe is stopped', async () => {
    const controller = new AbortController();
    const slow = run(script('hang2.ps1', '# fake-hang'), 400);
    const queued = host.run(
      script('q.ps1', '# fake-print: {}'),
      {},
      { timeoutMs: 5_000, signal: controller.signal },
    );
    controller.abort();
    await expect(queued).rejects.toMatchObject({ code: 'cancelled' });
    await expect(slow).rejects.toMatchObject({ code: 'timeout' });
  });

  it('says clearly when PowerShell is missing', async () => {
    const missing = createPowerShellHost(join(dir, 'no-such-powershell'));
    const error = await missing
      .run(script('x.ps1', ''), {}, { timeoutMs: 2_000, signal: new AbortController().signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProbeError);
    expect((error as ProbeError).code).toBe('powershell-unavailable');
    expect((error as ProbeError).message).toMatch(/not found/);
    await missing.dispose();
  });
});

describe('building and reading script invocations', () => {
  it('puts nothing but base64 on the command line, whatever the script and arguments hold', () => {
    const line = buildInvocation(`'; Remove-Item C:\\ -Recurse; "`, { name: `"; rm -rf / #`, n: 1 });
    const quoted = [...line.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    expect(quoted).toHaveLength(2);
    for (const q of quoted) expect(q).toMatch(/^[A-Za-z0-9+/=]*$/);
  });

  it('reads JSON, tolerating a banner line before it', () => {
    expect(parseScriptOutput('a.ps1', '{"a":1}')).toEqual({ a: 1 });
    expect(parseScriptOutput('a.ps1', 'WARNING: something\n{"a":2}\n')).toEqual({ a: 2 });
  });

  it('names the script when its output is not JSON', () => {
    expect(() => parseScriptOutput('a.ps1', 'Get-Foo : not recognized')).toThrow(/a\.ps1 did not print JSON/);
    expect(() => parseScriptOutput('a.ps1', '  ')).toThrow(/printed nothing/);
  });
});
