/**
 * The machine at a glance, as a technician reads it first in report.html and `triage inspect`:
 * built from real fixture output of each OS, and silent about what was not collected.
 */
import { describe, expect, it } from 'vitest';
import { formatDuration, keyFacts } from '../../../main/bundle/facts';
import { sampleReport } from '../../support/sample-report';

const byLabel = (facts: { label: string; value: string }[]) =>
  Object.fromEntries(facts.map((f) => [f.label, f.value]));

describe('key facts', () => {
  it.each(['win32', 'darwin', 'linux'] as const)(
    'summarise support, uptime, memory and the system disk on %s',
    async (platform) => {
      const facts = byLabel(keyFacts(await sampleReport(platform)));
      expect(facts.Support).toMatch(/supported|support ends|OUT OF SUPPORT|unknown/);
      expect(facts['Up since']).toMatch(/^\d{4}-\d\d-\d\dT.* \(\d+ (d|h) \d+ (h|min)\)/);
      expect(facts.Memory).toMatch(/^\d+(\.\d)? GB/);
      expect(facts['System disk']).toMatch(/free of/);
      expect(facts['DNS servers']).toMatch(/ (ok|slow|dead|lying|failing)/);
      expect(facts.Antivirus).toBeDefined();
      expect(facts.Encryption).toMatch(/ (on|off|suspended|unknown)/);
    },
  );

  it('leave out what was not collected instead of showing blanks', async () => {
    const report = await sampleReport('win32');
    const facts = byLabel(
      keyFacts({
        ...report,
        run: { ...report.run, probes: report.run.probes.filter((p) => !p.id.startsWith('os.')) },
      }),
    );
    expect(facts).not.toHaveProperty('Support');
    expect(facts).not.toHaveProperty('Up since');
    expect(
      Object.values(facts).every((v) => v.trim() !== '' && !v.includes('null') && !v.includes('undefined')),
    ).toBe(true);
  });

  it('format uptimes the way people say them', () => {
    expect(formatDuration(3 * 86_400 + 5 * 3600 + 59)).toBe('3 d 5 h');
    expect(formatDuration(2 * 3600 + 7 * 60)).toBe('2 h 7 min');
  });
});
