/**
 * Comparing two runs of a machine: what changed, said once; nothing for what did not; and no input
 * shape — tens of thousands of probes, data nested a hundred thousand levels deep — that makes the
 * comparison slow to quadratic time or overflows the stack (a hostile bundle opened in the app).
 */
import { describe, expect, it } from 'vitest';
import { diffReports } from '../../../main/bundle/diff';
import type { Report } from '../../../main/report';
import type { ProbeEnvelope, ProbeId } from '../../../probes/types';
import { sampleReport } from '../../support/sample-report';

const withProbes = (report: Report, probes: ProbeEnvelope[]): Report => ({
  ...report,
  run: { ...report.run, probes },
});

const envelope = (
  id: string,
  data: object | null,
  status: ProbeEnvelope['status'] = 'ok',
): ProbeEnvelope => ({
  id: id as ProbeId,
  status,
  startedAt: '2026-11-24T10:00:00.000Z',
  durationMs: 1,
  data,
  gaps: [],
  error: null,
  operations: [],
});

describe('diff', () => {
  it('says nothing changed between a run and itself', async () => {
    const report = await sampleReport('win32');
    const diff = diffReports(report, report);
    expect(diff).toMatchObject({
      appeared: [],
      cleared: [],
      statusChanged: [],
      facts: [],
      sameMachine: true,
    });
  });

  it('does not report a value going from absent to null or empty ("(none) → (none)")', async () => {
    const report = await sampleReport('linux');
    const before = withProbes(report, [envelope('os.info', { name: 'Debian', edition: null })]);
    const after = withProbes(report, [envelope('os.info', { name: 'Debian', codename: '' })]);
    expect(diffReports(before, after).facts).toEqual([]);
  });

  it('names a list item by its key: an added volume is one change, not every later one', async () => {
    const report = await sampleReport('linux');
    const volume = (mount: string, freeBytes: number) => ({ mount, freeBytes, sizeBytes: 100e9 });
    const before = withProbes(report, [
      envelope('hardware.disk', { volumes: [volume('/', 50e9), volume('/home', 20e9)] }),
    ]);
    const after = withProbes(report, [
      envelope('hardware.disk', {
        volumes: [volume('/', 50e9), volume('/data', 90e9), volume('/home', 20e9)],
      }),
    ]);
    expect(
      diffReports(before, after)
        .facts.map((f) => f.path)
        .sort(),
    ).toEqual(['volumes[/data].freeBytes', 'volumes[/data].mount', 'volumes[/data].sizeBytes']);
  });

  it('compares 60 000 probes (a hostile manifest) and reports each status change', async () => {
    const report = await sampleReport('linux');
    const count = 60_000;
    const before = withProbes(
      report,
      Array.from({ length: count }, (_, i) => envelope(`os.p${i}`, { v: i })),
    );
    const after = withProbes(
      report,
      Array.from({ length: count }, (_, i) =>
        envelope(`os.p${i}`, { v: i }, i % 1000 === 0 ? 'error' : 'ok'),
      ),
    );
    expect(diffReports(before, after).statusChanged).toHaveLength(count / 1000);
  });

  it('survives data nested 100 000 levels deep without overflowing the stack', async () => {
    const report = await sampleReport('linux');
    let deep: Record<string, unknown> = { leaf: 'bottom' };
    for (let i = 0; i < 100_000; i += 1) deep = { next: deep };
    const before = withProbes(report, [envelope('os.info', { name: 'A', extra: deep })]);
    const after = withProbes(report, [envelope('os.info', { name: 'B', extra: deep })]);
    const diff = diffReports(before, after);
    expect(diff.facts.map((f) => [f.path, f.before, f.after])).toEqual([['name', 'A', 'B']]);
  });
});
