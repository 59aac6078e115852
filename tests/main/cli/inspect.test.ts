/**
 * `triage inspect` for a technician at a 100 × 30 terminal: the first screen says who asked and
 * what for, which checks failed, and the worst findings, without scrolling; the details follow,
 * with IT's steps. Run as shipped (dist/), so $COLUMNS and $TZ reach it as they would in a shell.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../main/bundle/contents';
import { prepareBundle } from '../../../main/bundle/prepare';
import { zipBundle } from '../../../main/bundle/zip';
import type { Report } from '../../../main/report';
import { fitWidth, readerTime, wrapSafe } from '../../../main/cli/summary';
import { okFinding } from '../../support/reports';
import { sampleReport } from '../../support/sample-report';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'main', 'cli', 'triage.js');
const LONG_WORDS =
  'Teams keeps disconnecting since this morning, every ten minutes or so, and then it says "reconnecting" ' +
  'for a minute. It started after the laptop restarted for updates. Outlook seems fine but SharePoint is slow. ' +
  'I tried the office Wi-Fi and my phone hotspot: same. My colleague next to me has no problem at all. ' +
  'The last words of the description: PINEAPPLE.';

let report: Report;
let bundle: string;

beforeAll(async () => {
  const base = await sampleReport('win32');
  report = {
    ...base,
    problem: { category: 'cant-connect', description: LONG_WORDS, contact: base.problem?.contact ?? null },
    run: {
      ...base.run,
      probes: base.run.probes.map((p) =>
        p.id === 'network.dns'
          ? {
              ...p,
              status: 'timeout' as const,
              data: null,
              error: { code: 'timeout' as const, message: 'No answer in 5 s.' },
            }
          : p,
      ),
    },
    // The rules' own "checked and fine" lines are replaced by two known ones.
    findings: [
      ...base.findings.filter((f) => f.severity !== 'ok'),
      okFinding('ok.one', 'OKTITLE one'),
      okFinding('ok.two', 'OKTITLE two'),
    ],
  };
  bundle = join(mkdtempSync(join(tmpdir(), 'triage-inspect-')), 'jo.zip');
  writeFileSync(bundle, await zipBundle(bundleFiles(prepareBundle(report, [], { level: 'standard' }))));
});

function inspect(): string {
  const result = spawnSync(process.execPath, [CLI, 'inspect', bundle], {
    encoding: 'utf8',
    env: { ...process.env, COLUMNS: '100', TZ: 'Europe/Berlin', NO_COLOR: '1' },
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('triage inspect at 100 × 30', () => {
  it('puts who, what, when, failed checks and the worst findings on the first screen', () => {
    const rows = inspect().split('\n');
    // Every row fits 100 columns, so 30 lines are 30 rows of the terminal.
    const screen = rows.slice(0, 30);
    for (const row of screen) expect(Array.from(row).length, row).toBeLessThanOrEqual(100);
    const first = screen.join('\n');
    expect(first).toContain('Jo Smith · jo.smith@example.com · +44 20 7946 0000');
    expect(first).toContain("Can't connect");
    expect(first).toContain('Teams keeps disconnecting since this morning');
    // The capture (10:00 UTC) in the reader's zone, named.
    expect(first).toContain('2026-11-24 11:00 CET (Europe/Berlin)');
    // Failed and partial checks, with why.
    expect(first).toContain('network.dns: timeout — No answer in 5 s.');
    expect(first).toMatch(/hardware\.disks: partial — smart: /);
    const worst = report.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');
    expect(worst.length).toBeGreaterThan(3);
    for (const finding of worst) expect(first).toContain(finding.title);
    // ok findings: one count line, not one line each.
    expect(first).toMatch(/^Findings: \d+ critical, \d+ warning, \d+ info; 2 things checked and fine$/m);
  });

  it('shortens long words on the first screen and gives them in full below', () => {
    const out = inspect();
    const first = out.split('\n').slice(0, 30).join('\n');
    expect(first).not.toContain('PINEAPPLE');
    expect(first).toContain('(in full below)');
    expect(out.split('\n').slice(30).join('\n')).toContain('PINEAPPLE');
  });

  it("gives IT's steps in the details, and the user's only as what they were told", () => {
    const out = inspect();
    expect(out).not.toContain('OKTITLE');
    for (const finding of report.findings.filter((f) => f.severity !== 'ok')) {
      for (const step of finding.itSteps) expect(out).toContain(`         - ${step}`);
      for (const step of finding.userSteps) expect(out).not.toContain(`         - ${step}`);
      if (finding.userSteps[0]) expect(out).toContain(`The user was told: ${finding.userSteps[0]}`);
    }
  });
});

describe('inspect text helpers', () => {
  it('names the reader’s zone with the time', () => {
    expect(readerTime('2026-11-24T10:00:00.000Z', 'UTC')).toBe('2026-11-24 10:00 UTC');
    expect(readerTime('2026-07-01T10:00:00.000Z', 'America/New_York')).toBe(
      '2026-07-01 06:00 GMT-4 (America/New_York)',
    );
  });

  it('never cuts inside a character made of two UTF-16 units', () => {
    const emoji = '😀'.repeat(30);
    expect(fitWidth(emoji, 10)).toBe(`${'😀'.repeat(9)}…`);
    for (const row of wrapSafe(emoji, 14, '  │ ')) expect(row).not.toMatch(/[\ud800-\udfff]/u);
    expect(wrapSafe('one two three four', 14, '> ')).toEqual(['> one two', '> three four']);
  });
});
