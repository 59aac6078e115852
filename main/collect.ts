/**
 * Collects a report on this machine: the same function behind `triage collect` and the desktop
 * app's "Get help". It wires the probes to the real machine (one PowerShell session on Windows),
 * runs them, and turns their data into findings.
 */
import os from 'node:os';
import type { ProbeConfig } from '../probes/config';
import { evaluateFindings, renderFinding } from '../probes/findings/evaluate';
import type { Locale } from '../probes/findings/messages';
import { probeData } from '../probes/report';
import { runProbes } from '../probes/runner';
import { createSystemContext, DEFAULT_COMMAND_TIMEOUT_MS } from '../probes/system/context';
import { createPowerShellHost, type PowerShellHost } from '../probes/system/powershell';
import type { Platform, Probe, ProgressEvent } from '../probes/types';
import type { RunLog } from './log';
import type { HostSummary, ProblemDescription, Report } from './report';
import { TRIAGE_VERSION } from './version';

export interface CollectOptions {
  readonly probes: readonly Probe[];
  readonly config: ProbeConfig;
  readonly log: RunLog;
  readonly problem?: ProblemDescription | null;
  /** Overrides every probe's own budget (ms). */
  readonly probeTimeoutMs?: number;
  /** Budget of one command or script (ms). */
  readonly commandTimeoutMs?: number;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly signal?: AbortSignal;
  readonly locale?: Locale;
}

export function currentPlatform(): Platform {
  const platform = process.platform;
  if (platform === 'win32' || platform === 'darwin' || platform === 'linux') return platform;
  throw new Error(`Triage runs on Windows, macOS and Linux, not on ${platform}.`);
}

function hostSummary(platform: Platform, report: Pick<Report['run'], 'probes'>): HostSummary {
  const info = probeData(report, 'os.info') as { name?: unknown; version?: unknown } | null;
  let user: string | null = null;
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): the user stays unknown.
  }
  return {
    hostname: os.hostname(),
    user,
    platform,
    osName: typeof info?.name === 'string' ? info.name : os.type(),
    osVersion: typeof info?.version === 'string' ? info.version : os.release(),
    architecture: os.arch(),
  };
}

export async function collectReport(options: CollectOptions): Promise<Report> {
  const platform = currentPlatform();
  const { logger } = options.log;
  const createdAt = new Date().toISOString();
  logger.info('Collection started', {
    triageVersion: TRIAGE_VERSION,
    platform,
    probes: options.probes.length,
  });
  const powershell: PowerShellHost | undefined = platform === 'win32' ? createPowerShellHost() : undefined;
  try {
    const run = await runProbes({
      platform,
      probes: options.probes,
      config: options.config,
      log: logger,
      probeTimeoutMs: options.probeTimeoutMs,
      onProgress: options.onProgress,
      signal: options.signal,
      createContext: ({ signal, record, budgetEndsAt }) =>
        createSystemContext({
          platform,
          signal,
          config: options.config,
          log: logger,
          commandTimeoutMs: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
          powershell,
          record,
          budgetEndsAt,
        }),
    });
    for (const envelope of run.probes) {
      if (envelope.status !== 'ok')
        logger.info(`Probe ${envelope.id}: ${envelope.status}`, {
          error: envelope.error,
          gaps: envelope.gaps,
        });
    }
    const findings = evaluateFindings(run, logger).map((finding) =>
      renderFinding(finding, options.locale ?? 'en'),
    );
    logger.info('Collection finished', { durationMs: run.durationMs, findings: findings.length });
    return {
      triageVersion: TRIAGE_VERSION,
      createdAt,
      host: {
        ...hostSummary(platform, run),
        powershell: powershell
          ? await powershell.info().then(
              ({ languageMode, transport }) => ({ languageMode, transport }),
              () => null,
            )
          : null,
      },
      problem: options.problem ?? null,
      config: options.config,
      run,
      findings,
    };
  } finally {
    await powershell?.dispose();
  }
}
