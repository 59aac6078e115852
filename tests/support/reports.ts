/**
 * Hand-built run results for finding-rule tests: give the probes' data, get a RunResult.
 */
import type { RenderedFinding } from '../../probes/findings/types';
import type { ProbeDataMap } from '../../probes/index';
import type { RunResult } from '../../probes/runner';
import type { Platform, ProbeEnvelope, ProbeId, ProbeStatus } from '../../probes/types';

export type ReportData = { [K in keyof ProbeDataMap]?: ProbeDataMap[K] };

/**
 * A run in which each given probe succeeded with the given data. `failed` adds probes that ended
 * with another status (no data), to check that rules stay silent when their input is missing.
 */
export function reportWith(
  data: ReportData,
  options: { platform?: Platform; startedAt?: string; failed?: Partial<Record<ProbeId, ProbeStatus>> } = {},
): RunResult {
  const startedAt = options.startedAt ?? '2026-11-24T10:00:00.000Z';
  const envelope = (id: ProbeId, status: ProbeStatus, value: object | null): ProbeEnvelope => ({
    id,
    status,
    startedAt,
    durationMs: 10,
    data: value,
    gaps: [],
    error:
      status === 'ok' || status === 'partial'
        ? null
        : { code: status === 'timeout' ? 'timeout' : 'command-failed', message: `${id} failed in this test` },
    operations: [],
  });
  const probes: ProbeEnvelope[] = [
    ...Object.entries(data).map(([id, value]) => envelope(id as ProbeId, 'ok', value as object)),
    ...Object.entries(options.failed ?? {}).map(([id, status]) =>
      envelope(id as ProbeId, status ?? 'error', null),
    ),
  ];
  return { platform: options.platform ?? 'win32', startedAt, finishedAt: startedAt, durationMs: 100, probes };
}

/** A "checked and fine" line as bundles store it, with a title a test can look for. */
export const okFinding = (id: string, title: string): RenderedFinding => ({
  id,
  severity: 'ok',
  area: 'network',
  params: {},
  evidence: [],
  locale: 'en',
  title,
  explanation: 'Checked and fine.',
  userSteps: [],
  itSteps: [],
});
