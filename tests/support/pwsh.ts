/**
 * A real PowerShell (pwsh) for the tests: our Windows scripts run for real, in FullLanguage and in
 * ConstrainedLanguage, with the Windows-only cmdlets, CIM classes, registry and COM objects replaced by
 * stubs (tests/support/windows/stubs.ps1) that return objects rebuilt from real captured output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { ProbeError } from '../../probes/errors';
import { parseRunnerOutput } from '../../probes/system/powershell';
import type { Probe, ProbeEnvelope } from '../../probes/types';
import { fixtureDir, runOnFixture, type FixtureContextOptions } from './fixtures';

export type LanguageMode = 'FullLanguage' | 'ConstrainedLanguage';
export const LANGUAGE_MODES: readonly LanguageMode[] = ['FullLanguage', 'ConstrainedLanguage'];

/** pwsh on PATH, or where `dotnet tool install --global PowerShell` puts it; null if neither. */
export function findPwsh(): string | null {
  const candidates = [
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'pwsh')),
    join(homedir(), '.dotnet', 'tools', 'pwsh'),
  ];
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** Tests that need pwsh fail in CI when it is missing (setup installs it), and are skipped elsewhere. */
export function pwshSupport(): { skip: boolean; reason: string; pwsh: string } {
  const pwsh = findPwsh();
  if (pwsh) return { skip: false, reason: '', pwsh };
  const reason = 'PowerShell (pwsh) is not installed: run scripts/setup.sh';
  if (process.env.CI) throw new Error(`CI must have PowerShell: ${reason}`);
  return { skip: true, reason, pwsh: '' };
}

const RUNNER = join(__dirname, 'windows', 'run-with-stubs.ps1');

export interface ScriptRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

/** Runs `script` under pwsh with the stubs answering from `scenario` (a JSON file), in `mode`. */
export function runWithStubs(
  script: string,
  scenario: string,
  mode: LanguageMode,
  timeoutMs = 60_000,
): ScriptRun {
  const pwsh = findPwsh();
  if (!pwsh) throw new Error('pwsh is not installed');
  const result = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-NoLogo', '-File', RUNNER], {
    encoding: 'utf8',
    timeout: timeoutMs,
    env: {
      ...process.env,
      TRIAGE_STUB_DATA: scenario,
      TRIAGE_TEST_SCRIPT: script,
      TRIAGE_TEST_LANGUAGE: mode,
      // No telemetry, update check or colour codes from a test's pwsh.
      POWERSHELL_TELEMETRY_OPTOUT: '1',
      NO_COLOR: '1',
      POWERSHELL_UPDATECHECK: 'Off',
    },
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/**
 * Runs a Windows probe through the real runner with its scripts run for real under pwsh, the stubs
 * answering from `tests/fixtures/windows/<probe-id>/<scenario>.stubs.json` (and any `<scenario>.*.txt`
 * fixtures answering the programs the collector runs itself), in the given language mode.
 */
export async function runOnStubs(
  probe: Probe,
  scenario: string,
  mode: LanguageMode,
  options: FixtureContextOptions = {},
): Promise<ProbeEnvelope> {
  const stubs = stubsFile(probe.descriptor.id, scenario);
  return runOnFixture(probe, 'win32', scenario, {
    ...options,
    powershell: async (scriptPath) => {
      const run = runWithStubs(scriptPath, stubs, mode);
      if (run.status !== 0)
        throw new ProbeError(
          'command-failed',
          `${basename(scriptPath)} exited with ${run.status}: ${run.stderr}`,
        );
      return parseRunnerOutput(basename(scriptPath), run.stdout).json;
    },
  });
}

/** A Windows scenario whose scripts run for real on a stubs file (they have no replayed output). */
export function hasStubs(probeId: string, scenario: string): boolean {
  return existsSync(join(fixtureDir('win32', probeId), `${scenario}.stubs.json`));
}

/**
 * The stubs scenario file of a Windows probe; it must exist, name its sources in `_source` and say
 * in `_evidence` whether they are real output (`published`) or a guess (`composed`), as fixture
 * headers do (see EVIDENCE in fixtures.ts).
 */
export function stubsFile(probeId: string, scenario: string): string {
  const path = join(fixtureDir('win32', probeId), `${scenario}.stubs.json`);
  stubsEvidence(path);
  return path;
}

export function stubsEvidence(path: string): 'published' | 'composed' {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { _source?: unknown; _evidence?: unknown };
  if (!parsed._source) throw new Error(`${path}: a stubs scenario names its sources in "_source"`);
  if (parsed._evidence !== 'published' && parsed._evidence !== 'composed')
    throw new Error(`${path}: a stubs scenario says "_evidence": "published" or "composed"`);
  return parsed._evidence;
}
