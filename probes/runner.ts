/**
 * Runs probes in parallel, each under its own budget, and never throws.
 *
 * Every probe ends in an envelope: `ok`, `partial` (some parts missing, listed as gaps),
 * `unsupported` (no collector for this OS), `timeout` (its budget ran out: its commands were
 * killed) or `error` (an expected failure with its code, or a bug reported as `internal`).
 * A probe stuck on a dead server costs its own budget, never the whole run.
 */
import { performance } from 'node:perf_hooks';
import type { ProbeConfig } from './config';
import { ProbeError, describeError } from './errors';
import type {
  Gap,
  Logger,
  OperationRecord,
  Platform,
  Probe,
  ProbeContext,
  ProbeEnvelope,
  ProgressEvent,
} from './types';

/** How long a stopped probe's commands get to record how they ended. */
const ABORT_GRACE_MS = 300;

export interface ContextRequest {
  readonly probe: Probe;
  readonly signal: AbortSignal;
  readonly record: (operation: OperationRecord) => void;
  /** When the probe's budget runs out (epoch ms): what it runs may not take longer. */
  readonly budgetEndsAt: number;
}

export interface RunOptions {
  readonly platform: Platform;
  readonly probes: readonly Probe[];
  readonly config: ProbeConfig;
  /** Builds the context a probe runs in: the real machine, or fixtures in tests. */
  readonly createContext: (request: ContextRequest) => ProbeContext;
  /** Overrides every probe's own budget (ms). */
  readonly probeTimeoutMs?: number;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Cancels the whole run (the user pressed Cancel). */
  readonly signal?: AbortSignal;
  readonly log: Logger;
}

export interface RunResult {
  readonly platform: Platform;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly probes: readonly ProbeEnvelope[];
}

function unsupportedMessage(probe: Probe): string {
  const where = probe.descriptor.platforms
    .map((p) => ({ win32: 'Windows', darwin: 'macOS', linux: 'Linux' })[p])
    .join(', ');
  return `${probe.descriptor.title} is checked on ${where} only.`;
}

async function runOne(probe: Probe, options: RunOptions, runSignal: AbortSignal): Promise<ProbeEnvelope> {
  const { descriptor } = probe;
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const operations: OperationRecord[] = [];
  const envelope = (
    status: ProbeEnvelope['status'],
    rest: { data?: object | null; gaps?: readonly Gap[]; error?: ProbeEnvelope['error'] },
  ): ProbeEnvelope => ({
    id: descriptor.id,
    status,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    data: rest.data ?? null,
    gaps: rest.gaps ?? [],
    error: rest.error ?? null,
    operations: [...operations],
  });

  const collector = descriptor.platforms.includes(options.platform)
    ? probe.collectors[options.platform]
    : undefined;
  if (!collector) {
    return envelope('unsupported', { error: { code: 'unsupported', message: unsupportedMessage(probe) } });
  }

  const budgetMs = options.probeTimeoutMs ?? descriptor.timeoutMs;
  const controller = new AbortController();
  const onRunAbort = (): void => controller.abort(new ProbeError('cancelled', 'The check was cancelled.'));
  if (runSignal.aborted) onRunAbort();
  else runSignal.addEventListener('abort', onRunAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ProbeError(
        'timeout',
        `${descriptor.title} did not finish within its ${budgetMs} ms budget; what it was running was stopped.`,
      );
      controller.abort(error);
      reject(error);
    }, budgetMs);
    // Every abort of this controller carries a ProbeError (the two above).
    const rejectWithReason = (): void => reject(controller.signal.reason as ProbeError);
    controller.signal.addEventListener('abort', rejectWithReason, { once: true });
  });

  let collecting: Promise<unknown> = Promise.resolve();
  try {
    const context = options.createContext({
      probe,
      signal: controller.signal,
      record: (op) => operations.push(op),
      budgetEndsAt: Date.now() + budgetMs,
    });
    const work = collector(context);
    collecting = work;
    // The race matters for collectors that ignore the signal: the envelope still arrives on time.
    const collected = await Promise.race([work, budget]);
    const gaps = collected.gaps ?? [];
    return envelope(gaps.length > 0 ? 'partial' : 'ok', { data: collected.data, gaps });
  } catch (error) {
    // Whatever the collector threw after the budget ran out, the budget is the reason.
    const reason: unknown = controller.signal.aborted ? controller.signal.reason : error;
    if (controller.signal.aborted) {
      // Commands being killed record themselves as they end; give them a moment so the envelope
      // shows what was running when the budget ran out.
      await Promise.race([
        collecting.catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, ABORT_GRACE_MS)),
      ]);
    }
    const described = describeError(reason);
    if (described.code === 'internal')
      options.log.error(`Bug in probe ${descriptor.id}`, {
        error: error instanceof Error ? error.stack : String(error),
      });
    const status =
      described.code === 'timeout' ? 'timeout' : described.code === 'unsupported' ? 'unsupported' : 'error';
    return envelope(status, { error: described });
  } finally {
    clearTimeout(timer);
    runSignal.removeEventListener('abort', onRunAbort);
    if (!controller.signal.aborted) controller.abort(new ProbeError('cancelled', 'The probe finished.'));
  }
}

/** Runs the probes and resolves with one envelope each, in the order given. Never rejects. */
export async function runProbes(options: RunOptions): Promise<RunResult> {
  const startedAt = new Date();
  const started = performance.now();
  const runSignal = options.signal ?? new AbortController().signal;
  const emit = (event: ProgressEvent): void => {
    try {
      options.onProgress?.(event);
    } catch (error) {
      options.log.error('A progress listener failed', { error: String(error) });
    }
  };
  const total = options.probes.length;
  let done = 0;
  emit({
    type: 'run-started',
    total,
    probes: options.probes.map((p) => ({ id: p.descriptor.id, title: p.descriptor.title })),
  });
  const envelopes = await Promise.all(
    options.probes.map(async (probe) => {
      emit({ type: 'probe-started', id: probe.descriptor.id, title: probe.descriptor.title });
      const result = await runOne(probe, options, runSignal);
      done += 1;
      emit({
        type: 'probe-finished',
        id: result.id,
        status: result.status,
        durationMs: result.durationMs,
        done,
        total,
      });
      return result;
    }),
  );
  const durationMs = Math.round(performance.now() - started);
  emit({ type: 'run-finished', durationMs });
  return {
    platform: options.platform,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs,
    probes: envelopes,
  };
}
