/**
 * The Windows collection figure: every Windows check's script through Triage's real PowerShell
 * transport, all started at once as a run starts them, under pwsh with the Windows stubs answering
 * after waiting as long as the real commands do. Once in FullLanguage (node-powershell sessions) and
 * once in ConstrainedLanguage as App Control imposes it (-File processes). Prints each script's
 * time against its check's budget, the total, and total ÷ slowest script.
 *
 *   npm run bench:windows          (needs pwsh: scripts/setup.sh installs it)
 *
 * The waits (DELAYS_MS) are estimates, not measurements: no per-command timings of these cmdlets on
 * real machines have been published that we could find. scripts/capture-windows-fixtures.ps1 records
 * each script's time on a real machine (`# duration-ms:`); replace the estimates with those.
 */
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_PROBES } from '../probes/index';
import { createPowerShellHost, type PowerShellTransport } from '../probes/system/powershell';
import type { ProbeContext } from '../probes/types';
import { findPwsh } from '../tests/support/pwsh';

const ROOT = join(__dirname, '..');
const WRAPPER = join(ROOT, 'tests', 'support', 'windows', 'windows-powershell.sh');
const TARGET_RATIO = 1.5;

/** Estimated time of each slow command on a typical managed laptop (see the header); others 60 ms. */
const DELAYS_MS: Record<string, number> = {
  // Windows Update Agent: an offline search of the local metadata cache, and the history query.
  'com:Microsoft.Update.Session': 2_500,
  'com:Microsoft.Update.AutoUpdate': 200,
  'commands:Get-WinEvent': 1_500,
  'cim:Win32_PerfFormattedData_PerfProc_Process': 1_200,
  'cim:Win32_PerfFormattedData_PerfOS_Processor': 600,
  'cim:Win32_QuickFixEngineering': 900,
  'cim:Win32_Process': 400,
  'cim:root/wmi:MSStorageDriver_FailurePredictStatus': 400,
  'cim:root/microsoft/windows/storage:MSFT_PhysicalDisk': 500,
  'cim:root/securitycenter2:AntiVirusProduct': 300,
  'commands:Get-MpComputerStatus': 500,
  'commands:Get-Tpm': 400,
  'commands:Get-NetAdapter': 300,
  'commands:Get-NetIPAddress': 200,
  'commands:Get-NetFirewallProfile': 300,
  'commands:Get-VpnConnection': 200,
};
const DEFAULT_DELAY_MS = 60;

/** Which scripts each Windows check runs: asked of the collectors themselves. */
async function scriptsOfChecks(): Promise<{ probe: string; budgetMs: number; script: string }[]> {
  const found: { probe: string; budgetMs: number; script: string }[] = [];
  for (const probe of ALL_PROBES) {
    const collector = probe.collectors.win32;
    if (!collector) continue;
    const context = new Proxy({} as ProbeContext, {
      get(_, key) {
        if (key === 'powershell')
          return async (script: string) => {
            found.push({ probe: probe.descriptor.id, budgetMs: probe.descriptor.timeoutMs, script });
            throw new Error('recorded');
          };
        if (key === 'platform') return 'win32';
        if (key === 'env') return () => undefined;
        return () => {
          throw new Error('not in the bench');
        };
      },
    });
    await Promise.resolve(collector(context)).catch(() => undefined);
  }
  return found;
}

/** One stubs scenario per check, merged: every class, key and command a script may ask for. */
function mergedScenario(): string {
  const merged: Record<string, Record<string, unknown>> = {};
  const base = join(ROOT, 'tests', 'fixtures', 'windows');
  for (const dir of readdirSync(base)) {
    const scenario = readdirSync(join(base, dir))
      .filter((f) => f.endsWith('.stubs.json'))
      .sort()[0];
    if (!scenario) continue;
    const data = JSON.parse(readFileSync(join(base, dir, scenario), 'utf8')) as Record<string, unknown>;
    for (const [section, entries] of Object.entries(data)) {
      if (section.startsWith('_') || typeof entries !== 'object' || entries === null) continue;
      merged[section] = { ...(entries as Record<string, unknown>), ...merged[section] };
    }
  }
  const path = join(mkdtempSync(join(tmpdir(), 'triage-bench-windows-')), 'scenario.json');
  writeFileSync(
    path,
    JSON.stringify({ _source: 'merged from tests/fixtures/windows/*/*.stubs.json', ...merged }),
  );
  return path;
}

async function round(
  mode: 'FullLanguage' | 'ConstrainedLanguage',
  checks: { probe: string; budgetMs: number; script: string }[],
) {
  process.env.TRIAGE_TEST_LANGUAGE = mode;
  const host = createPowerShellHost({ executable: WRAPPER });
  const started = performance.now();
  const results = await Promise.all(
    checks.map(async (check) => {
      const outcome = await host
        .run(check.script, { timeoutMs: check.budgetMs, signal: new AbortController().signal })
        .then(
          () => 'ok',
          (error: unknown) => (error as { code?: string }).code ?? 'error',
        );
      return { ...check, outcome, ms: performance.now() - started };
    }),
  );
  const totalMs = performance.now() - started;
  // The floor: the slowest script when it runs alone, with nothing queued before it.
  let slowestAloneMs = 0;
  for (const check of checks) {
    const alone = performance.now();
    await host
      .run(check.script, { timeoutMs: check.budgetMs, signal: new AbortController().signal })
      .catch(() => undefined);
    slowestAloneMs = Math.max(slowestAloneMs, performance.now() - alone);
  }
  const { transport } = await host.info();
  await host.dispose();
  return { mode, transport, totalMs, slowestAloneMs, results };
}

async function main(): Promise<void> {
  const pwsh = findPwsh();
  if (!pwsh) {
    console.error('bench-windows: pwsh is not installed (scripts/setup.sh installs it).');
    process.exit(2);
  }
  process.env.TRIAGE_TEST_PWSH = pwsh;
  process.env.TRIAGE_STUB_DATA = mergedScenario();
  const checks = await scriptsOfChecks();
  const scripts = [...new Set(checks.map((c) => c.script.split(/[\\/]/).pop() ?? c.script))];
  process.env.TRIAGE_STUB_DELAYS = JSON.stringify(DELAYS_MS);
  console.log(
    `Windows collection: ${checks.length} checks, ${scripts.length} scripts, stub waits estimated (see the header; others ${DEFAULT_DELAY_MS} ms).`,
  );
  let failed = false;
  for (const mode of ['FullLanguage', 'ConstrainedLanguage'] as const) {
    const { transport, totalMs, slowestAloneMs, results } = await round(mode, checks);
    const late = results.filter((r) => r.outcome !== 'ok' || r.ms > r.budgetMs);
    const label: Record<PowerShellTransport, string> = {
      session: 'node-powershell sessions',
      process: '-File processes',
    };
    console.log(`\n${mode} (${label[transport]}):`);
    for (const r of [...results].sort((a, b) => b.ms - a.ms))
      console.log(
        `  ${r.probe.padEnd(22)} ${(r.script.split(/[\\/]/).pop() ?? '').padEnd(28)} done at ${String(Math.round(r.ms)).padStart(6)} ms of its ${r.budgetMs} ms budget  ${r.outcome}`,
      );
    const ratio = totalMs / slowestAloneMs;
    console.log(
      `  total ${(totalMs / 1000).toFixed(2)} s; slowest script alone ${(slowestAloneMs / 1000).toFixed(2)} s; total ÷ slowest ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}); ${late.length === 0 ? 'every check inside its budget' : `${late.length} check(s) over budget or failed: ${late.map((r) => `${r.probe} (${r.outcome})`).join(', ')}`}`,
    );
    if (late.length > 0 || ratio > TARGET_RATIO) failed = true;
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
