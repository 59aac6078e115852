/**
 * Runs the rules over a run's results and puts the words on the findings.
 */
import { checkName } from '../names';
import type { RunResult } from '../runner';
import type { Logger } from '../types';
import { formatMessage } from '../util/message-format';
import { MESSAGES, type Locale } from './messages';
import { ALL_RULES } from './rules';
import {
  SEVERITIES,
  type Finding,
  type FindingRule,
  type ProblemCategory,
  type RenderedFinding,
  type Severity,
} from './types';

/** Orders findings most important first; ties keep rule order. */
function bySeverity(a: { severity: Severity }, b: { severity: Severity }): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
}

/**
 * Applies every rule. A rule that throws is a bug: it is logged and skipped, so one broken rule
 * never hides the others' findings.
 *
 * "Checked and fine": rules with a `fine` text say so with an `ok` finding when they found nothing
 * and every probe they read finished `ok` (a failed or partial probe proves nothing). Rules that
 * look at one thing from several sides share the same English `fine` text ("There is enough free
 * disk space" for almost-full and running-low): the line appears once, and only when none of them
 * found a problem, so it never sits beside a card that contradicts it; nor does a line about a
 * probe whose data another rule found a problem in.
 */
export function evaluateFindings(
  run: Pick<RunResult, 'platform' | 'probes' | 'startedAt'>,
  log: Logger,
  rules: readonly FindingRule[] = ALL_RULES,
): Finding[] {
  const findings: Finding[] = [];
  const fine = new Map<string, { rule: FindingRule; fine: boolean }>();
  for (const rule of rules) {
    let found = true;
    try {
      const results = rule.evaluate(run);
      for (const finding of results)
        if (finding.id !== rule.id)
          throw new Error(`rule ${rule.id} returned a finding with id ${finding.id}`);
      for (const finding of results) findings.push({ ...finding, explains: rule.explains });
      found = results.length > 0;
    } catch (error) {
      log.error(`Bug in finding rule ${rule.id}`, {
        error: error instanceof Error ? error.stack : String(error),
      });
    }
    const text = MESSAGES.en[rule.id]?.fine;
    if (text === undefined) continue;
    const allOk = rule.inputs.every((id) => run.probes.find((p) => p.id === id)?.status === 'ok');
    const group = fine.get(text) ?? { rule, fine: true };
    fine.set(text, { rule: group.rule, fine: group.fine && allOk && !found });
  }
  // A problem found in a probe's data (the clock runs unsynchronised) makes any other rule's
  // "fine" over that same data (the clock is right) a contradiction on screen: leave it out.
  const troubled = new Set(findings.flatMap((f) => f.evidence.map((e) => e.probe)));
  for (const { rule, fine: ok } of fine.values())
    if (ok && !rule.inputs.some((id) => troubled.has(id)))
      findings.push({
        id: rule.id,
        severity: 'ok',
        area: rule.area,
        params: {},
        evidence: [],
        explains: rule.explains,
      });
  return findings.sort(bySeverity);
}

/**
 * Words computed from a finding's parameters at render time, in the reader's language: a
 * parameter `probes` holds check ids (kept as they are for the technician and the evidence), and
 * the texts name them with `{checks}`, the checks' plain names ("DNS, Zeitserver").
 */
function derivedValues(finding: Finding, locale: Locale): Record<string, string> {
  const probes = finding.params['probes'];
  if (typeof probes !== 'string') return {};
  const names = probes
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '')
    .map((id) => checkName(id, locale));
  return { checks: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names) };
}

export function renderFinding(finding: Finding, locale: Locale = 'en'): RenderedFinding {
  const text = MESSAGES[locale][finding.id] ?? MESSAGES.en[finding.id];
  if (!text) throw new Error(`No text for finding ${finding.id}`);
  // Bundles written before `explains` existed lack it.
  const explains = finding.explains ?? [];
  if (finding.severity === 'ok') {
    const fine = text.fine ?? MESSAGES.en[finding.id]?.fine ?? text.title;
    return { ...finding, explains, locale, title: fine, explanation: '', userSteps: [], itSteps: [] };
  }
  const values = { ...finding.params, ...derivedValues(finding, locale) };
  const fill = (message: string): string => formatMessage(locale, message, values);
  return {
    ...finding,
    explains,
    locale,
    title: fill(text.title),
    explanation: fill(text.explanation),
    userSteps: text.userSteps.map(fill),
    itSteps: text.itSteps.map(fill),
  };
}

/** What `arrangeForProblem` needs of a finding: rendered or not, from a bundle or a fresh run. */
export interface Arrangeable {
  readonly severity: Severity;
  readonly explains?: readonly ProblemCategory[];
  readonly userSteps: readonly string[];
}

export interface Arrangement<F> {
  /** The likely cause of the user's problem, most severe first: lead with these. */
  readonly cause: F[];
  /** Other problems the user can fix alone. */
  readonly youCanDo: F[];
  /** Problems only IT can fix: "For IT, nothing for you to do" (folded). */
  readonly forIt: F[];
  /** What was checked and is fine. */
  readonly fine: F[];
}

/**
 * Orders findings around the problem the user picked: the findings that explain it first, then
 * what they can do about the rest, then what is for IT, then what is fine. Pure; keeps the input's
 * order among equals.
 *
 * Within the cause, a finding whose first `explains` entry is the category (its usual symptom)
 * comes before one that lists it further down: for "I can't connect", a sign-in page ahead of a
 * clock that is off (its usual symptom is failing sign-ins), at equal severity.
 *
 * With no category, or "something else", there is no question to answer: the cause is then the
 * most severe problems the user can notice — those whose rule names any symptom (a non-empty
 * `explains`) at the highest severity present. Findings that explain nothing a user feels (a
 * firewall off, an admin account) are never presented as the cause.
 */
export function arrangeForProblem<F extends Arrangeable>(
  findings: readonly F[],
  category: ProblemCategory | null,
): Arrangement<F> {
  const problems = findings.filter((f) => f.severity !== 'ok').sort(bySeverity);
  const explainsOf = (f: F): readonly ProblemCategory[] => f.explains ?? [];
  let cause: F[];
  if (category === null || category === 'other') {
    const noticeable = problems.filter((f) => explainsOf(f).length > 0);
    const top = noticeable[0]?.severity;
    cause = noticeable.filter((f) => f.severity === top);
  } else {
    const primary = (f: F): number => (explainsOf(f)[0] === category ? 0 : 1);
    cause = problems
      .filter((f) => explainsOf(f).includes(category))
      .sort((a, b) => bySeverity(a, b) || primary(a) - primary(b));
  }
  const rest = problems.filter((f) => !cause.includes(f));
  return {
    cause,
    youCanDo: rest.filter((f) => f.userSteps.length > 0),
    forIt: rest.filter((f) => f.userSteps.length === 0),
    fine: findings.filter((f) => f.severity === 'ok'),
  };
}
