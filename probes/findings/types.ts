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
  | 'work-access';

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
}

export interface FindingRule {
  readonly id: string;
  readonly area: FindingArea;
  /** The probes whose data the rule reads. */
  readonly inputs: readonly KnownProbeId[];
  /** Pure: reads the run, returns zero or more findings (all with this rule's id). */
  evaluate(run: Pick<RunResult, 'platform' | 'probes' | 'startedAt'>): readonly Finding[];
}

/** The words of a finding. `{name}` is replaced by the finding's parameter `name`. */
export interface FindingText {
  /** A short headline in plain language: what is wrong, not how it was measured. */
  readonly title: string;
  /** Why it matters to the user, in one to three sentences. */
  readonly explanation: string;
  /** Steps the user can take alone; empty when only IT can fix it. */
  readonly userSteps: readonly string[];
  /** What the technician or IT should do. */
  readonly itSteps: readonly string[];
}

export type MessageCatalog = Readonly<Record<string, FindingText>>;

/** A finding with its words, in one language: what bundles, the CLI and the app show. */
export interface RenderedFinding extends Finding, FindingText {
  readonly locale: string;
}
