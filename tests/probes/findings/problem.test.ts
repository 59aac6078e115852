/**
 * Issue 19: findings answer the question the user asked (categories, arrangeForProblem), say what
 * is fine, read right in both languages (plurals, numbers) and carry no jargon on user screens.
 */
import { describe, expect, it } from 'vitest';
import { findingsFileSchema } from '../../../main/bundle/schema';
import {
  PROBLEM_CATEGORIES as MAIN_CATEGORIES,
  type ProblemCategory as MainCategory,
} from '../../../main/report';
import { arrangeForProblem, evaluateFindings, renderFinding } from '../../../probes/findings/evaluate';
import { LOCALES, MESSAGES } from '../../../probes/findings/messages';
import { ALL_RULES } from '../../../probes/findings/rules';
import type { Finding, ProblemCategory, Severity } from '../../../probes/findings/types';
import { ALL_PROBES } from '../../../probes/index';
import { CHECK_NAMES, checkName } from '../../../probes/names';
import { silentLogger } from '../../support/fixtures';
import { reportWith } from '../../support/reports';

const finding = (
  id: string,
  severity: Severity,
  explains: ProblemCategory[],
  params: Finding['params'] = {},
): Finding => ({ id, severity, area: id.split('.')[0] as Finding['area'], params, evidence: [], explains });

describe('categories', () => {
  it('are the same list as the app offers', () => {
    const fromProbes: ProblemCategory[] = [...MAIN_CATEGORIES];
    const back: MainCategory[] = fromProbes;
    expect(back).toHaveLength(6);
  });

  it('are declared by every rule and copied onto its findings', () => {
    for (const rule of ALL_RULES) expect(Array.isArray(rule.explains), rule.id).toBe(true);
    const run = reportWith({}, { failed: { 'os.events': 'error' } });
    const [incomplete] = evaluateFindings(run, silentLogger).filter(
      (f) => f.id === 'general.checks-incomplete',
    );
    expect(incomplete?.explains).toEqual([]);
    const captive = ALL_RULES.find((r) => r.id === 'network.captive-portal');
    expect(captive?.explains).toContain('cant-connect');
    expect(ALL_RULES.find((r) => r.id === 'network.clock-off')?.explains).toEqual([
      'cant-sign-in',
      'cant-connect',
    ]);
  });
});

describe('findings in bundles', () => {
  const stored = {
    id: 'network.captive-portal',
    severity: 'warning',
    area: 'network',
    params: {},
    evidence: [],
    locale: 'en',
    title: 't',
    explanation: 'e',
    userSteps: [],
    itSteps: [],
  };
  it('read a 1.1 finding without `explains` as explaining nothing, and keep it when written', () => {
    const old = findingsFileSchema.parse({ schemaVersion: '1.1', findings: [stored] });
    expect(old.findings[0]?.explains).toEqual([]);
    const current = findingsFileSchema.parse({
      schemaVersion: '1.2',
      findings: [{ ...stored, explains: ['cant-connect'], settings: 'sign-in-page' }],
    });
    expect(current.findings[0]?.explains).toEqual(['cant-connect']);
    expect(() =>
      findingsFileSchema.parse({ schemaVersion: '1.2', findings: [{ ...stored, explains: ['bogus'] }] }),
    ).toThrow();
  });
});

describe('arrangeForProblem', () => {
  const rendered = (f: Finding) => renderFinding(f, 'en');
  // The case: "I can't connect", and the card that explains it came third.
  const cpu = rendered(finding('hardware.cpu-busy', 'warning', ['slow', 'app-crashes'], { load: 99 }));
  const clock = rendered(
    finding('network.clock-off', 'warning', ['cant-sign-in', 'cant-connect'], {
      minutes: 2,
      direction: 'ahead',
    }),
  );
  const portal = rendered(finding('network.captive-portal', 'warning', ['cant-connect', 'cant-sign-in']));
  const admin = rendered(finding('security.user-is-admin', 'info', []));
  const ok = { ...rendered(finding('hardware.disk-almost-full', 'ok', ['slow'])) };

  it('leads with the sign-in page when the user cannot connect', () => {
    const result = arrangeForProblem([cpu, clock, portal, admin, ok], 'cant-connect');
    expect(result.cause.map((f) => f.id)).toEqual(['network.captive-portal', 'network.clock-off']);
    expect(result.youCanDo.map((f) => f.id)).toEqual(['hardware.cpu-busy']);
    expect(result.forIt.map((f) => f.id)).toEqual(['security.user-is-admin']);
    expect(result.fine.map((f) => f.id)).toEqual(['hardware.disk-almost-full']);
  });

  it('puts the most severe cause first', () => {
    const dns = finding('network.dns-all-dead', 'critical', ['cant-connect'], {});
    const result = arrangeForProblem([{ ...portal }, { ...dns, userSteps: [] }], 'cant-connect');
    expect(result.cause.map((f) => f.severity)).toEqual(['critical', 'warning']);
  });

  it('with no category, leads with the most severe problems a user can notice', () => {
    const off = { severity: 'critical' as const, explains: [], userSteps: ['x'] };
    const slow = { severity: 'warning' as const, explains: ['slow' as const], userSteps: [] };
    const crash = { severity: 'warning' as const, explains: ['app-crashes' as const], userSteps: ['y'] };
    for (const category of [null, 'other' as const]) {
      const result = arrangeForProblem([off, slow, crash], category);
      expect(result.cause).toEqual([slow, crash]);
      expect(result.youCanDo).toEqual([off]);
      expect(result.forIt).toEqual([]);
    }
  });

  it('reads findings from bundles that predate `explains`', () => {
    const old = { severity: 'warning' as const, userSteps: [] };
    expect(arrangeForProblem([old], 'slow')).toEqual({ cause: [], youCanDo: [], forIt: [old], fine: [] });
  });
});

describe('checked and fine', () => {
  const healthy = {
    'hardware.cpu': { loadPercent: 12 },
  } as unknown as Parameters<typeof reportWith>[0];

  it('says so for a rule whose probe finished ok and found nothing', () => {
    const findings = evaluateFindings(reportWith(healthy), silentLogger);
    const ok = findings.filter((f) => f.severity === 'ok');
    expect(ok.map((f) => f.id)).toContain('hardware.cpu-busy');
    const cpu = ok.find((f) => f.id === 'hardware.cpu-busy');
    expect(cpu).toMatchObject({ params: {}, evidence: [], explains: ['slow', 'app-crashes'] });
    expect(renderFinding(cpu!, 'en')).toMatchObject({
      title: 'The processor is not overloaded',
      explanation: '',
      userSteps: [],
      itSteps: [],
    });
    expect(renderFinding(cpu!, 'de').title).toBe('Der Prozessor ist nicht überlastet');
  });

  it('says nothing for a rule whose probe failed, or that found a problem', () => {
    const failed = evaluateFindings(reportWith({}, { failed: { 'hardware.cpu': 'timeout' } }), silentLogger);
    expect(failed.some((f) => f.id === 'hardware.cpu-busy')).toBe(false);
    const busy = evaluateFindings(
      reportWith({ 'hardware.cpu': { loadPercent: 99 } } as unknown as Parameters<typeof reportWith>[0]),
      silentLogger,
    );
    expect(busy.filter((f) => f.id === 'hardware.cpu-busy').map((f) => f.severity)).toEqual(['warning']);
  });

  it('is written where a user cares, in every language exactly where English has it', () => {
    const withFine = ALL_RULES.filter((r) => MESSAGES.en[r.id]?.fine !== undefined);
    expect(withFine.length).toBeGreaterThanOrEqual(15);
    expect(new Set(withFine.map((r) => r.area)).size).toBeGreaterThanOrEqual(4);
    for (const locale of LOCALES)
      for (const rule of ALL_RULES) {
        const fine = MESSAGES[locale][rule.id]?.fine;
        expect(fine !== undefined, `${locale} ${rule.id}`).toBe(MESSAGES.en[rule.id]?.fine !== undefined);
        if (fine !== undefined) expect(fine).not.toMatch(/[{}]/);
      }
  });

  it('shares one line between rules with the same words, in every language', () => {
    for (const locale of LOCALES) {
      const byEnglish = new Map<string, Set<string>>();
      for (const rule of ALL_RULES) {
        const en = MESSAGES.en[rule.id]?.fine;
        if (en === undefined) continue;
        const set = byEnglish.get(en) ?? new Set<string>();
        set.add(MESSAGES[locale][rule.id]?.fine ?? '');
        byEnglish.set(en, set);
      }
      for (const [en, translations] of byEnglish) expect(translations.size, `${locale}: ${en}`).toBe(1);
    }
  });
});

describe('plurals and numbers', () => {
  const crash = (count: number) => finding('os.system-crashes', 'critical', ['app-crashes'], { count });
  it('count crashes in English and German', () => {
    expect(renderFinding(crash(1), 'en').title).toBe(
      'The system crashed once today (blue screen or kernel panic)',
    );
    expect(renderFinding(crash(2), 'en').title).toBe(
      'The system crashed 2 times today (blue screen or kernel panic)',
    );
    expect(renderFinding(crash(1), 'de').title).toBe(
      'Das System ist heute einmal abgestürzt (Bluescreen oder Kernel Panic)',
    );
    expect(renderFinding(crash(2), 'de').title).toBe(
      'Das System ist heute 2-mal abgestürzt (Bluescreen oder Kernel Panic)',
    );
  });

  it('write sizes the way the reader does', () => {
    const disk = finding('hardware.disk-almost-full', 'critical', ['slow'], {
      volume: 'C:',
      freeGb: 1.5,
      freePercent: 2.5,
    });
    expect(renderFinding(disk, 'en').explanation).toContain('Only 1.5 GB (2.5 %) is left.');
    expect(renderFinding(disk, 'de').explanation).toContain('1,5 GB (2,5 %)');
    expect(renderFinding(disk, 'de').explanation).not.toContain('1.5');
  });

  it('say "1 day", "1 Tag", and an unknown cycle count in words', () => {
    const stale = (days: number) => finding('os.updates-stale', 'warning', [], { days });
    expect(renderFinding(stale(1), 'en').title).toBe('No updates have been installed for 1 day');
    expect(renderFinding(stale(50), 'de').title).toBe('Seit 50 Tagen wurden keine Updates installiert');
    const battery = finding('hardware.battery-worn', 'info', [], { health: 70, cycles: 'unknown' });
    expect(renderFinding(battery, 'de').explanation).not.toContain('unknown');
    expect(renderFinding({ ...battery, params: { health: 70, cycles: 1200 } }, 'de').explanation).toContain(
      '1.200 Ladezyklen',
    );
  });

  it('use plural forms for every count-like parameter', () => {
    const counts = /\{(count|days|years|minutes|minutesLeft)\}/;
    for (const locale of LOCALES)
      for (const [id, text] of Object.entries(MESSAGES[locale]))
        for (const message of [text.title, text.explanation, ...text.userSteps, ...text.itSteps])
          expect(message, `${locale} ${id}`).not.toMatch(counts);
  });
});

describe('words on user screens', () => {
  const JARGON = [
    'chrony',
    'w32time',
    'timesyncd',
    'ntpd',
    'systemd',
    'NetworkManager',
    'dsregcmd',
    'wuauserv',
    'manage-bde',
    'PowerShell',
    'HiberbootEnabled',
  ];
  const CHECK_ID = /\b(hardware|os|network|security|general)\.[a-z][a-z0-9-]*/;

  it('name no tools, services, mount points or check ids', () => {
    for (const locale of LOCALES)
      for (const [id, text] of Object.entries(MESSAGES[locale])) {
        const userFacing = [text.title, text.explanation, ...text.userSteps, text.fine ?? ''];
        for (const message of userFacing) {
          for (const word of JARGON)
            expect(message.toLowerCase(), `${locale} ${id}`).not.toContain(word.toLowerCase());
          expect(message, `${locale} ${id}`).not.toMatch(CHECK_ID);
          expect(message, `${locale} ${id}`).not.toMatch(/\(\/[^)]*\)|\(\{volume\}\)|\(\{service\}\)/);
        }
      }
  });

  it('list the checks that could not finish by name, in the reader language', () => {
    const run = reportWith({}, { failed: { 'network.dns': 'timeout', 'os.events': 'error' } });
    const [incomplete] = evaluateFindings(run, silentLogger).filter(
      (f) => f.id === 'general.checks-incomplete',
    );
    expect(incomplete?.params['probes']).toBe('network.dns, os.events');
    const en = renderFinding(incomplete!, 'en');
    const de = renderFinding(incomplete!, 'de');
    expect(en.explanation).toContain(
      '2 of the checks did not give an answer (Name lookup and Errors and crashes)',
    );
    expect(de.explanation).toContain(
      '2 der Prüfungen haben keine Antwort geliefert (Namensauflösung und Fehler und Abstürze)',
    );
    expect(en.explanation).not.toMatch(CHECK_ID);
    const one = renderFinding({ ...incomplete!, params: { count: 1, probes: 'network.ntp' } }, 'de');
    expect(one.explanation).toContain('Eine der Prüfungen hat keine Antwort geliefert (Zeitserver)');
  });

  it('have a plain name for every check in every language', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(CHECK_NAMES[locale]).sort(), locale).toEqual(
        ALL_PROBES.map((p) => p.descriptor.id).sort(),
      );
      for (const name of Object.values(CHECK_NAMES[locale])) expect(name).not.toMatch(CHECK_ID);
    }
    expect(checkName('network.ntp', 'de')).toBe('Zeitserver');
    expect(checkName('os.future-check', 'de')).toBe('os.future-check');
  });

  it('send the user to the sign-in page when the network wants a sign-in', () => {
    const rule = ALL_RULES.find((r) => r.id === 'network.captive-portal');
    const [found] =
      rule?.evaluate(
        reportWith({
          'network.connectivity': {
            check: {
              outcome: 'captive-portal',
              url: 'http://x.example/',
              location: 'https://portal.example/',
            },
            proxy: {},
            targets: [],
          },
        } as unknown as Parameters<typeof reportWith>[0]),
      ) ?? [];
    expect(found?.settings).toBe('sign-in-page');
    expect(MESSAGES.en['network.captive-portal']?.userSteps[0]).toMatch(/^Open the sign-in page/);
    expect(MESSAGES.de['network.captive-portal']?.userSteps[0]).toMatch(/^Öffnen Sie die Anmeldeseite/);
  });
});
