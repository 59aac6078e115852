/**
 * Runs the rules over a run's results and puts the words on the findings.
 */
import type { RunResult } from '../runner';
import type { Logger } from '../types';
import { MESSAGES, type Locale } from './messages';
import { ALL_RULES } from './rules';
import {
  SEVERITIES,
  type Finding,
  type FindingParams,
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

/** Replaces `{name}` with the parameter's value; an unknown name stays visible rather than vanishing. */
export function fillTemplate(template: string, params: FindingParams): string {
  return template.replace(/\{([a-zA-Z0-9]+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function renderFinding(finding: Finding, locale: Locale = 'en'): RenderedFinding {
  const text = MESSAGES[locale][finding.id] ?? MESSAGES.en[finding.id];
  if (!text) throw new Error(`No text for finding ${finding.id}`);
  return {
    ...finding,
    locale,
    title: fillTemplate(text.title, finding.params),
    explanation: fillTemplate(text.explanation, finding.params),
    userSteps: text.userSteps.map((step) => fillTemplate(step, finding.params)),
    itSteps: text.itSteps.map((step) => fillTemplate(step, finding.params)),
  };
}
