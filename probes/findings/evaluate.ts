/**
 * Runs the rules over a run's results and puts the words on the findings.
 */
import type { RunResult } from '../runner';
import type { Logger } from '../types';
import { formatMessage } from '../util/message-format';
import { MESSAGES, type Locale } from './messages';
import { ALL_RULES } from './rules';
import {
  SEVERITIES,
  type Finding,
  type FindingRule,
  type RenderedFinding,
} from './types';

/** Orders findings most important first; ties keep rule order. */
function bySeverity(a: Finding, b: Finding): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
}

/**
 * Applies every rule. A rule that throws is a bug: it is logged and skipped, so one broken rule
 * never hides the others' findings.
 */
export function evaluateFindings(
  run: Pick<RunResult, 'platform' | 'probes' | 'startedAt'>,
  log: Logger,
  rules: readonly FindingRule[] = ALL_RULES,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    try {
      for (const finding of rule.evaluate(run)) {
        if (finding.id !== rule.id)
          throw new Error(`rule ${rule.id} returned a finding with id ${finding.id}`);
        findings.push(finding);
      }
    } catch (error) {
      log.error(`Bug in finding rule ${rule.id}`, {
        error: error instanceof Error ? error.stack : String(error),
      });
    }
  }
  return findings.sort(bySeverity);
}

export function renderFinding(finding: Finding, locale: Locale = 'en'): RenderedFinding {
  const text = MESSAGES[locale][finding.id] ?? MESSAGES.en[finding.id];
  if (!text) throw new Error(`No text for finding ${finding.id}`);
  const fill = (message: string): string => formatMessage(locale, message, finding.params);
  return {
    ...finding,
    locale,
    title: fill(text.title),
    explanation: fill(text.explanation),
    userSteps: text.userSteps.map(fill),
    itSteps: text.itSteps.map(fill),
  };
}
