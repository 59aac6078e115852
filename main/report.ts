/**
 * A report: everything one "Get help" produced — who and what machine, the user's words, the
 * probes' envelopes and the findings. The CLI and the desktop app build it the same way
 * (main/collect.ts); the bundle stores it.
 */
import type { ProbeConfig } from '../probes/config';
import type { RenderedFinding } from '../probes/findings/types';
import type { RunResult } from '../probes/runner';
import type { Platform } from '../probes/types';

export type ProblemCategory = 'cant-connect' | 'slow' | 'app-crashes' | 'cant-sign-in' | 'printing' | 'other';
export const PROBLEM_CATEGORIES: readonly ProblemCategory[] = [
  'cant-connect',
  'slow',
  'app-crashes',
  'cant-sign-in',
  'printing',
  'other',
];

/** English names of the categories, for technicians' views (report.html, inspect). */
export const PROBLEM_CATEGORY_NAMES: Readonly<Record<ProblemCategory, string>> = {
  'cant-connect': "Can't connect",
  slow: 'Slow',
  'app-crashes': 'An app crashes',
  'cant-sign-in': "Can't sign in",
  printing: 'Printing',
  other: 'Something else',
};

/** What the user said was wrong, in their words, and how to reach them. */
export interface ProblemDescription {
  readonly category: ProblemCategory;
  readonly description: string;
  readonly contact: { readonly name: string; readonly email: string; readonly phone: string } | null;
}

export interface HostSummary {
  readonly hostname: string;
  readonly user: string | null;
  readonly platform: Platform;
  readonly osName: string;
  readonly osVersion: string;
  readonly architecture: string;
  /** Windows: how PowerShell ran the checks (App Control shows as ConstrainedLanguage). Absent before format 1.1. */
  readonly powershell?: {
    readonly languageMode: string | null;
    readonly transport: 'session' | 'process';
  } | null;
}

export interface Report {
  readonly triageVersion: string;
  readonly createdAt: string;
  readonly host: HostSummary;
  readonly problem: ProblemDescription | null;
  /** The probe targets and thresholds this run used. */
  readonly config: ProbeConfig;
  readonly run: RunResult;
  /** Most important first. */
  readonly findings: readonly RenderedFinding[];
}
