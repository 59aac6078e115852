/**
 * The PowerShell host against a real PowerShell (pwsh): node-powershell sessions in FullLanguage,
 * `-File` processes under App Control's ConstrainedLanguage (simulated by windows-powershell.sh, which
 * imposes it the way a WDAC policy does on unsigned code), budgets, recovery, and encodings.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProbeError } from '../../../probes/errors';
import {
  createPowerShellHost,
  onDisk,
  parseLanguageMode,
  parseScriptOutput,
  quotePowerShell,
  type PowerShellHost,
  type PowerShellHostOptions,
} from '../../../probes/system/powershell';
import { pwshSupport } from '../../support/pwsh';

const support = pwshSupport();
const APP_CONTROL = join(__dirname, '..', '..', 'support', 'windows', 'windows-powershell.sh');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(support.skip)(
  `the PowerShell host on a real pwsh${support.reason ? ` (${support.reason})` : ''}`,
  () => {
    let dir: string;
    const hosts: PowerShellHost[] = [];
    const host = (options: PowerShellHostOptions = {}): PowerShellHost => {
      const h = createPowerShellHost({ executable: support.pwsh, ...options });
      hosts.push(h);
      return h;
    };
    const script = (name: string, body: string): string => {
      const path = join(dir, name);
      writeFileSync(path, `${body}\n`);
      return path;
    };
    const run = (h: PowerShellHost, path: string, timeoutMs = 20_000) =>
      h.run(path, { timeoutMs, signal: new AbortController().signal });

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'triage-ps-'));
    });
    afterEach(async () => {
      await Promise.all(hosts.splice(0).map((h) => h.dispose()));
    });

    it('finds FullLanguage and runs scripts side by side in node-powershell sessions, JSON and UTF-8 intact', async () => {
      const h = host({ sessions: 2 });
      const results = await Promise.all(
        ['Zürich', 'Connexion au réseau local', '東京', 'Wi‑Fi 😀'].map((name, n) =>
          run(
            h,
            script(
              `s${n}.ps1`,
              `[ordered]@{ n = ${n}; name = ${quotePowerShell(name)}; mode = [string]$ExecutionContext.SessionState.LanguageMode } | ConvertTo-Json -Compress`,
            ),
          ),
        ),
      );
      expect(results.map((r) => r.json)).toEqual([
        { n: 0, name: 'Zürich', mode: 'FullLanguage' },
        { n: 1, name: 'Connexion au réseau local', mode: 'FullLanguage' },
        { n: 2, name: '東京', mode: 'FullLanguage' },
        { n: 3, name: 'Wi‑Fi 😀', mode: 'FullLanguage' },
      ]);
      expect(await h.info()).toEqual({
        executable: support.pwsh,
        languageMode: 'FullLanguage',
        transport: 'session',
      });
    });

    it('under App Control runs the scripts in -File workers that take one after another, in ConstrainedLanguage', async () => {
      process.env.TRIAGE_TEST_PWSH = support.pwsh;
      const h = host({ executable: APP_CONTROL });
      const printsMode = script(
        'mode.ps1',
        "[ordered]@{ mode = [string]$ExecutionContext.SessionState.LanguageMode; city = 'Zürich' } | ConvertTo-Json -Compress",
      );
      const forbidden = script(
        'forbidden.ps1',
        '[ordered]@{ min = [Math]::Min(1, 2) } | ConvertTo-Json -Compress',
      );
      expect((await run(h, printsMode)).json).toEqual({ mode: 'ConstrainedLanguage', city: 'Zürich' });
      expect(await h.info()).toMatchObject({ languageMode: 'ConstrainedLanguage', transport: 'process' });
      // What a script that is not CLM-clean does there: PowerShell refuses the method call, and the
      // host says so at once instead of waiting.
      await expect(run(h, forbidden)).rejects.toMatchObject({
        code: 'command-failed',
        message: expect.stringMatching(/forbidden\.ps1 printed nothing; it reported: .*core types/s),
      });
    });

    it('under App Control one worker runs script after script, without a PowerShell start each', async () => {
      process.env.TRIAGE_TEST_PWSH = support.pwsh;
      const h = host({ executable: APP_CONTROL, processes: 1 });
      const pid = script('pid.ps1', '@{ pid = $PID } | ConvertTo-Json -Compress');
      const first = (await run(h, pid)).json;
      const second = (await run(h, pid)).json;
      expect(second).toEqual(first);
    });

    it("node-powershell's own protocol cannot work in ConstrainedLanguage: it ends at the budget, never hangs", async () => {
      process.env.TRIAGE_TEST_PWSH = support.pwsh;
      const h = host({ executable: APP_CONTROL, transport: 'session' });
      const error = await run(h, script('any.ps1', '@{} | ConvertTo-Json'), 3_000).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'timeout' });
    });

    for (const transport of ['session', 'process'] as const) {
      it(`${transport}: kills a hung script at its budget, process and all, and carries on`, async () => {
        const h = host({ transport, sessions: 1, processes: 1 });
        const pidFile = join(dir, `${transport}.pid`);
        // Started first, so the 4 s budget below is the hung script's, not PowerShell's start-up on
        // a busy machine.
        await run(h, script('warm.ps1', '@{ ok = $true } | ConvertTo-Json -Compress'), 60_000);
        const hung = run(
          h,
          script('hang.ps1', `Set-Content -LiteralPath '${pidFile}' -Value $PID\nStart-Sleep -Seconds 120`),
          4_000,
        );
        await expect(hung).rejects.toMatchObject({ code: 'timeout' });
        const pid = Number(readFileSync(pidFile, 'utf8').trim());
        await expect.poll(() => alive(pid), { timeout: 5_000 }).toBe(false);
        expect(
          (await run(h, script('after.ps1', '@{ ok = $true } | ConvertTo-Json -Compress'))).json,
        ).toEqual({ ok: true });
      });

      it(`${transport}: passes on what a script wrote to the error stream`, async () => {
        const h = host({ transport });
        const result = await run(
          h,
          script('err.ps1', "Write-Error 'Access is denied'\n@{ ok = 1 } | ConvertTo-Json -Compress"),
        );
        expect(result.json).toEqual({ ok: 1 });
        expect(result.stderr).toContain('Access is denied');
      });
    }

    it('runs a script whose path holds quotes and PowerShell syntax, and nothing else', async () => {
      const h = host({ transport: 'session' });
      const odd = join(dir, "it's ‘odd’; Remove-Item $HOME -WhatIf");
      mkdirSync(odd);
      const marker = join(dir, 'side-effect');
      const path = join(odd, 'x.ps1');
      writeFileSync(path, '@{ ran = $true } | ConvertTo-Json -Compress\n');
      expect((await run(h, path)).json).toEqual({ ran: true });
      expect(existsSync(marker)).toBe(false);
    });

    it('stops a script waiting for a session when its probe is stopped, without using up the session', async () => {
      const h = host({ transport: 'session', sessions: 1 });
      const slow = run(
        h,
        script('slow.ps1', 'Start-Sleep -Milliseconds 1500\n@{ slow = 1 } | ConvertTo-Json -Compress'),
      );
      const controller = new AbortController();
      const queued = h.run(script('q.ps1', '@{} | ConvertTo-Json'), {
        timeoutMs: 10_000,
        signal: controller.signal,
      });
      controller.abort();
      await expect(queued).rejects.toMatchObject({ code: 'cancelled' });
      expect((await slow).json).toEqual({ slow: 1 });
    });

    it('says clearly when PowerShell is missing', async () => {
      const h = host({ executable: join(dir, 'no-such-powershell') });
      const error = await run(h, script('x.ps1', '')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProbeError);
      expect(error).toMatchObject({
        code: 'powershell-unavailable',
        message: expect.stringMatching(/not found/),
      });
    });

    it('starts the PowerShell it was given, whatever NODE_POWERSHELL says', async () => {
      process.env.NODE_POWERSHELL = join(dir, 'planted-powershell');
      try {
        const h = host({ transport: 'session' });
        expect((await run(h, script('ok.ps1', '@{ ok = 1 } | ConvertTo-Json -Compress'))).json).toEqual({
          ok: 1,
        });
      } finally {
        delete process.env.NODE_POWERSHELL;
      }
    });
  },
);

describe('reading what PowerShell prints', () => {
  it('reads JSON, tolerating a banner line before it', () => {
    expect(parseScriptOutput('a.ps1', '{"a":1}')).toEqual({ a: 1 });
    expect(parseScriptOutput('a.ps1', 'WARNING: something\n{"a":2}\n')).toEqual({ a: 2 });
  });

  it('names the script when its output is not JSON', () => {
    expect(() => parseScriptOutput('a.ps1', 'Get-Foo : not recognized')).toThrow(/a\.ps1 did not print JSON/);
    expect(() => parseScriptOutput('a.ps1', '  ')).toThrow(/printed nothing/);
  });

  it('reads the language mode, and nothing else as one', () => {
    expect(parseLanguageMode('ConstrainedLanguage\r\n')).toBe('ConstrainedLanguage');
    expect(parseLanguageMode('FullLanguage')).toBe('FullLanguage');
    expect(parseLanguageMode('FullLanguageX')).toBeNull();
    expect(parseLanguageMode('')).toBeNull();
  });

  it('runs scripts of the packaged app from the unpacked copy PowerShell can open', () => {
    expect(
      onDisk('C:\\Program Files\\Triage\\resources\\app.asar\\dist\\probes\\os\\info\\os-info.ps1'),
    ).toBe('C:\\Program Files\\Triage\\resources\\app.asar.unpacked\\dist\\probes\\os\\info\\os-info.ps1');
    expect(onDisk('/work/dist/probes/os/info/os-info.ps1')).toBe('/work/dist/probes/os/info/os-info.ps1');
  });

  it('quotes every kind of PowerShell quote', () => {
    expect(quotePowerShell("it's")).toBe("'it''s'");
    expect(quotePowerShell('‘a’ ‚b‛')).toBe("'‘‘a’’ ‚‚b‛‛'");
  });
});
