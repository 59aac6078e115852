/**
 * Every rule has words in every language, with the same placeholders, written for people.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFindings, renderFinding } from '../../../probes/findings/evaluate';
import { LOCALES, MESSAGES } from '../../../probes/findings/messages';
import { ALL_RULES } from '../../../probes/findings/rules';
import type { FindingText } from '../../../probes/findings/types';
import { formatMessage } from '../../../probes/util/message-format';
import { silentLogger } from '../../support/fixtures';
import { messageArguments } from '../../support/icu';
import { reportWith } from '../../support/reports';

const placeholders = (text: FindingText): string[] =>
  [
    ...new Set([text.title, text.explanation, ...text.userSteps, ...text.itSteps].flatMap(messageArguments)),
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
      // Measured as read (plurals resolved, a count of 2), not as ICU source.
      const sample = Object.fromEntries(messageArguments(text.title).map((name) => [name, 2]));
      expect(formatMessage(locale, text.title, sample).length).toBeLessThanOrEqual(80);
      expect(text.explanation.length).toBeGreaterThan(30);
      expect(text.userSteps.length + text.itSteps.length).toBeGreaterThan(0);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('en', '{a} of {b}', { a: 1 })).toBe('1 of {b}');
  });

  it('says "1 time" and "2 times", and writes numbers the way the reader does', () => {
    const times = '{count, plural, one {# time} other {# times}}';
    expect(formatMessage('en', times, { count: 1 })).toBe('1 time');
    expect(formatMessage('en', times, { count: 2 })).toBe('2 times');
    const mal = '{count, plural, one {# Mal} other {# Mal}} in {size, number} GB';
    expect(formatMessage('de', mal, { count: 1, size: 1.5 })).toBe('1 Mal in 1,5 GB');
    expect(formatMessage('en', '{size, number} GB', { size: 1234.5 })).toBe('1,234.5 GB');
  });

  it('shows "<" in a message as text, never as markup', () => {
    expect(formatMessage('en', 'Less than <b>{n}</b>', { n: 3 })).toBe('Less than <b>3</b>');
  });

  it('reports probes that could not finish, and stays silent when all did', () => {
    const quiet = evaluateFindings(reportWith({}), silentLogger);
    expect(quiet.filter((f) => f.id === 'general.checks-incomplete')).toEqual([]);
    const run = reportWith({}, { failed: { 'network.dns': 'timeout', 'os.events': 'error' } });
    const [finding] = evaluateFindings(run, silentLogger).filter((f) => f.id === 'general.checks-incomplete');
    expect(finding?.severity).toBe('info');
    // The ids stay in the finding for the technician; the words name the checks (problem.test.ts).
    expect(finding?.params['probes']).toBe('network.dns, os.events');
    expect(renderFinding(finding!).explanation).toContain('Name lookup and Errors and crashes');
  });

  it('skips a rule that throws and keeps the others', () => {
    const errors: string[] = [];
    const log = { ...silentLogger, error: (message: string) => errors.push(message) };
    const broken = {
      id: 'general.broken',
      area: 'general' as const,
      inputs: [],
      explains: [],
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
