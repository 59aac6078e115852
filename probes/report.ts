/**
 * Typed reading of a run's results, for findings and tools.
 */
import type { ProbeDataMap } from './index';
import type { RunResult } from './runner';
import type { ProbeEnvelope } from './types';

export type KnownProbeId = keyof ProbeDataMap;

export function envelopeOf(run: Pick<RunResult, 'probes'>, id: string): ProbeEnvelope | undefined {
  return run.probes.find((probe) => probe.id === id);
}

/** A probe's data when it produced some (`ok` or `partial`), else null: rules then stay silent. */
export function probeData<K extends KnownProbeId>(
  run: Pick<RunResult, 'probes'>,
  id: K,
): ProbeDataMap[K] | null {
  const envelope = envelopeOf(run, id);
  if (!envelope || (envelope.status !== 'ok' && envelope.status !== 'partial')) return null;
  return envelope.data as ProbeDataMap[K] | null;
}
