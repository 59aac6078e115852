/**
 * Findings: what the probes' facts mean, in words a non-technical person understands.
 *
 * A rule is a pure function of the run's results. It names the probes it reads, and for each
 * problem it sees it returns a finding: its severity, the parameters its text needs, and the
 * evidence (probe, field, value) it used. The words themselves live in message catalogs, one per
 * language, keyed by rule id, so the same finding reads in English or German.
 *
 * This file is a contract file: the renderer may import its types.
 */
import type { KnownProbeId } from '../report';
import type { RunResult } from '../runner';
import type { ProbeArea, ProbeId } from '../types';

export type Severity = 'critical' | 'warning' | 'info' | 'ok';
/** Most important first. */
export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info', 'ok'];

export type FindingArea = ProbeArea | 'general';

/**
 * The kinds of problem a user can pick on the first screen. Declared here (not in main/report.ts)
 * because the rules say which of them they explain and probes/ may not import main/; main/report.ts
 * lists the same values, and a test keeps the two in step.
 */
export type ProblemCategory = 'cant-connect' | 'slow' | 'app-crashes' | 'cant-sign-in' | 'printing' | 'other';

/**
 * OS settings pages a user can be sent to, to fix something alone. Each platform maps them to its
 * own URI (ms-settings:, x-apple.systempreferences:, …) in the desktop app.
 */
export type SettingsPage =
  | 'network'
  | 'wifi'
  | 'proxy'
  | 'vpn'
  | 'storage'
  | 'updates'
  | 'date-time'
  | 'power'
  | 'display'
  | 'security'
  | 'firewall'
  | 'accounts'
  | 'work-access'
  /** Not a settings page: the network's sign-in page (captive portal), opened in the browser. */
  | 'sign-in-page';

export interface Evidence {
  readonly probe: ProbeId;
  /** A field path in the probe's data, e.g. `volumes[].freeBytes`, or `status` for the envelope. */
  readonly field: string;
  readonly value: unknown;
}

export type FindingParams = Readonly<Record<string, string | number>>;

export interface Finding {
  /** The rule that produced it; also the key of its text in the message catalogs. */
  readonly id: string;
  readonly severity: Severity;
  readonly area: FindingArea;
  /** Values the text refers to as `{name}`. */
  readonly params: FindingParams;
  readonly evidence: readonly Evidence[];
  /** Where in the OS settings the user can fix it alone, if they can. */
  readonly settings?: SettingsPage;
  /**
   * The problems the user may pick that this finding can cause (its rule's `explains`).
   * `evaluateFindings` always sets it and bundles always store it; optional only because bundles
   * written before it existed (format 1.1) lack it, which means none.
   */
  readonly explains?: readonly ProblemCategory[];
}

/** What a rule returns: a finding before `evaluateFindings` adds what the rule itself declares. */
export type RuleFinding = Omit<Finding, 'explains'>;

export interface FindingRule {
  readonly id: string;
  readonly area: FindingArea;
  /** The probes whose data the rule reads. */
  readonly inputs: readonly KnownProbeId[];
  /**
   * The categories whose symptom this rule's findings can cause, as a second-line technician would
   * suspect them: a captive portal explains "can't connect", a wrong clock "can't sign in" and
   * "can't connect" (certificates fail). The app leads with findings that explain what the user
   * picked.
   */
  readonly explains: readonly ProblemCategory[];
  /** Pure: reads the run, returns zero or more findings (all with this rule's id). */
  evaluate(run: Pick<RunResult, 'platform' | 'probes' | 'startedAt'>): readonly RuleFinding[];
}

/**
 * The words of a finding, ICU MessageFormat: `{name}` is the finding's parameter `name`, counts use
 * `{count, plural, one {…} other {# …}}` and numbers the user reads `{size, number}`.
 */
export interface FindingText {
  /** A short headline in plain language: what is wrong, not how it was measured. */
  readonly title: string;
  /** Why it matters to the user, in one to three sentences. */
  readonly explanation: string;
  /** Steps the user can take alone; empty when only IT can fix it. */
  readonly userSteps: readonly string[];
  /** What the technician or IT should do. */
  readonly itSteps: readonly string[];
  /**
   * When the rule checked and found nothing: a short plain sentence ("There is enough free disk
   * space"), the title of its `ok` finding. Rules without it say nothing when all is well.
   */
  readonly fine?: string;
}

export type MessageCatalog = Readonly<Record<string, FindingText>>;

/** A finding with its words, in one language: what bundles, the CLI and the app show. */
export interface RenderedFinding extends Finding, FindingText {
  readonly locale: string;
}
