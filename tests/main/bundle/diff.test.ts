/**
 * Comparing two runs of a machine: what changed, said once; nothing for what did not; and no input
 * shape — tens of thousands of probes, data nested a hundred thousand levels deep — that makes the
 * comparison slow to quadratic time or overflows the stack (a hostile bundle opened in the app).
 */
import { describe, expect, it } from 'vitest';
import { diffReports, findingTitle, formatValue } from '../../../main/bundle/diff';
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

  it('does not report [] becoming null or absent either', async () => {
    const report = await sampleReport('linux');
    const before = withProbes(report, [envelope('network.dns', { servers: [], search: [] })]);
    const after = withProbes(report, [envelope('network.dns', { servers: null })]);
    expect(diffReports(before, after).facts).toEqual([]);
  });

  it('names a list item by its key: an added volume is one change, not one per field', async () => {
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
    expect(diffReports(before, after).facts).toEqual([
      {
        probe: 'hardware.disk',
        path: 'volumes[/data]',
        before: null,
        after: '/data',
        item: 'added',
        unit: null,
      },
    ]);
  });

  it('shows a renamed network adapter as one removed and one added, by name', async () => {
    const report = await sampleReport('linux');
    const adapter = (name: string, mac: string) => ({
      name,
      kind: 'ethernet',
      up: true,
      mac,
      mtu: 1500,
      speedMbps: 1000,
      ipv4: [{ address: '10.0.0.5', netmask: '255.255.255.0' }],
      ipv6: [],
      wifi: null,
    });
    const before = withProbes(report, [
      envelope('network.interfaces', { interfaces: [adapter('eth0', '00:11:22:33:44:55')] }),
    ]);
    const after = withProbes(report, [
      envelope('network.interfaces', { interfaces: [adapter('enp3s0', '00:11:22:33:44:66')] }),
    ]);
    expect(diffReports(before, after).facts.map((f) => [f.path, f.item])).toEqual([
      ['interfaces[enp3s0]', 'added'],
      ['interfaces[eth0]', 'removed'],
    ]);
  });

  it('shows an MTU as a number and free space as a size', async () => {
    const report = await sampleReport('linux');
    const before = withProbes(report, [
      envelope('network.interfaces', { interfaces: [{ name: 'eth0', mtu: 1500 }] }),
      envelope('hardware.disks', { volumes: [{ mount: '/', freeBytes: 50 * 2 ** 30 }] }),
    ]);
    const after = withProbes(report, [
      envelope('network.interfaces', { interfaces: [{ name: 'eth0', mtu: 9000 }] }),
      envelope('hardware.disks', { volumes: [{ mount: '/', freeBytes: 2 * 2 ** 30 }] }),
    ]);
    const shown = diffReports(before, after).facts.map(
      (f) => `${f.path}: ${formatValue(f, f.before)} → ${formatValue(f, f.after)}`,
    );
    expect(shown).toEqual(['interfaces[eth0].mtu: 1500 → 9000', 'volumes[/].freeBytes: 50.0 GB → 2.0 GB']);
  });

  it('puts the earlier capture first, whichever report is given first', async () => {
    const report = await sampleReport('linux');
    const older = withProbes({ ...report, createdAt: '2026-11-20T09:00:00.000Z' }, [
      envelope('os.info', { name: 'Debian 12' }),
    ]);
    const newer = withProbes({ ...report, createdAt: '2026-11-24T09:00:00.000Z', findings: [] }, [
      envelope('os.info', { name: 'Debian 13' }),
    ]);
    const diff = diffReports(newer, older);
    expect(diff).toMatchObject({
      swapped: true,
      before: { createdAt: '2026-11-20T09:00:00.000Z' },
      after: { createdAt: '2026-11-24T09:00:00.000Z' },
      appeared: [],
      facts: [{ path: 'name', before: 'Debian 12', after: 'Debian 13' }],
    });
    expect(diff.cleared.length).toBe(report.findings.length);
    expect(diffReports(older, newer)).toEqual({ ...diff, swapped: false });
  });

  it("titles a finding in the reader's language from its id, and keeps the stored words for an unknown id", async () => {
    const report = await sampleReport('linux');
    const [finding] = report.findings;
    if (!finding) throw new Error('the sample report has no findings');
    const ref = { ...finding, title: 'Gespeicherter Titel' };
    expect(findingTitle(ref, 'en')).toBe(finding.title);
    expect(findingTitle({ ...ref, id: 'future.rule' }, 'en')).toBe('Gespeicherter Titel');
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
