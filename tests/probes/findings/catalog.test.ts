/**
 * Every rule has words in every language, with the same placeholders, written for people.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFindings, fillTemplate, renderFinding } from '../../../probes/findings/evaluate';
import { LOCALES, MESSAGES } from '../../../probes/findings/messages';
import { ALL_RULES } from '../../../probes/findings/rules';
import type { FindingText } from '../../../probes/findings/types';
import { silentLogger } from '../../support/fixtures';
import { reportWith } from '../../support/reports';

const placeholders = (text: FindingText): string[] =>
  [
    ...new Set(
      [text.title, text.explanation, ...text.userSteps, ...text.itSteps].flatMap((s) =>
        [...s.matchAll(/\{([a-zA-Z0-9]+)\}/g)].map((m) => m[1] ?? ''),
      ),
    ),
  ].sort();

describe('finding rules and their words', () => {
  it('have unique ids named after their area', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ALL_RULES) expect(rule.id.startsWith(`${rule.area}.`), rule.id).toBe(true);
  });

  it.each(LOCALES.map((l) => [l]))('%s has text for every rule and nothing else', (locale) => {
    expect(Object.keys(MESSAGES[locale]).sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
  });

  it.each(ALL_RULES.map((r) => [r.id]))('%s reads well in every language', (id) => {
    const english = MESSAGES.en[id];
    expect(english).toBeDefined();
    if (!english) return;
    for (const locale of LOCALES) {
      const text = MESSAGES[locale][id];
      expect(text, `${locale} ${id}`).toBeDefined();
      if (!text) continue;
      expect(placeholders(text)).toEqual(placeholders(english));
      expect(text.title.length).toBeLessThanOrEqual(80);
      expect(text.explanation.length).toBeGreaterThan(30);
      expect(text.userSteps.length + text.itSteps.length).toBeGreaterThan(0);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fillTemplate('{a} of {b}', { a: 1 })).toBe('1 of {b}');
  });

  it('reports probes that could not finish, and stays silent when all did', () => {
    const quiet = evaluateFindings(reportWith({}), silentLogger);
    expect(quiet.filter((f) => f.id === 'general.checks-incomplete')).toEqual([]);
    const run = reportWith({}, { failed: { 'network.dns': 'timeout', 'os.events': 'error' } });
    const [finding] = evaluateFindings(run, silentLogger).filter((f) => f.id === 'general.checks-incomplete');
    expect(finding?.severity).toBe('info');
    expect(renderFinding(finding!).explanation).toContain('network.dns, os.events');
  });

  it('skips a rule that throws and keeps the others', () => {
    const errors: string[] = [];
    const log = { ...silentLogger, error: (message: string) => errors.push(message) };
    const broken = {
      id: 'general.broken',
      area: 'general' as const,
      inputs: [],
      evaluate: () => {
        throw new Error('boom');
      },
    };
    const run = reportWith({}, { failed: { 'os.events': 'error' } });
    const findings = evaluateFindings(run, log, [broken, ...ALL_RULES]);
    expect(findings.some((f) => f.id === 'general.checks-incomplete')).toBe(true);
    expect(errors).toEqual(['Bug in finding rule general.broken']);
  });
});
