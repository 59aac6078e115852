/**
 * Runs the Pester suites (tests/**\/*.Tests.ps1) under a real pwsh and fails on any failed test.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pwshSupport } from '../support/pwsh';

const support = pwshSupport();
const SUITES = [join(__dirname, 'intune.Tests.ps1'), join(__dirname, 'register-task.Tests.ps1')];

describe.skipIf(support.skip)(`Pester suites${support.reason ? ` (${support.reason})` : ''}`, () => {
  it.each(SUITES)('%s passes', (suite) => {
    const run = spawnSync(
      support.pwsh,
      [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        `Import-Module Pester -MinimumVersion 5.0
         $result = Invoke-Pester -Path $env:TRIAGE_SUITE -Output Detailed -PassThru
         'PESTER {0} passed, {1} failed' -f $result.PassedCount, $result.FailedCount`,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, TRIAGE_SUITE: suite, TRIAGE_PWSH: support.pwsh, NO_COLOR: '1' },
        timeout: 180_000,
      },
    );
    const summary = /PESTER (\d+) passed, (\d+) failed/.exec(run.stdout);
    expect(summary, `${run.stdout}\n${run.stderr}`).not.toBeNull();
    expect({ failed: Number(summary?.[2]), output: run.stdout }).toMatchObject({ failed: 0 });
    expect(Number(summary?.[1])).toBeGreaterThanOrEqual(10);
  });
});
