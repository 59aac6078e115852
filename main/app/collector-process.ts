/**
 * The probes' own process. The desktop app starts this module as an Electron utility process (tests
 * start it as a Node child process): a stuck or crashing probe can neither freeze the window nor take
 * the app down. It talks through whichever message port it was given.
 *
 * Messages in:  { type: 'collect', request }  |  { type: 'cancel' }
 * Messages out: { type: 'progress', event }  |  { type: 'done', report, log }  |  { type: 'error', message }
 */
process.env.UV_THREADPOOL_SIZE ??= '16';

import { parseProbeConfig } from '../../probes/config';
import type { Locale } from '../../probes/findings/messages';
import { ALL_PROBES } from '../../probes/index';
import type { ProgressEvent } from '../../probes/types';
import { collectReport } from '../collect';
import { createRunLog, type LogEntry } from '../log';
import type { ProblemDescription, Report } from '../report';

export interface CollectRequest {
  readonly problem: ProblemDescription | null;
  readonly config: unknown;
  /** Probe ids to leave out (managed policy). */
  readonly disabledProbes: readonly string[];
  /** Language of the findings' words. */
  readonly locale: Locale;
  readonly probeTimeoutMs?: number;
}

export type WorkerInbound =
  { readonly type: 'collect'; readonly request: CollectRequest } | { readonly type: 'cancel' };
export type WorkerOutbound =
  | { readonly type: 'progress'; readonly event: ProgressEvent }
  | { readonly type: 'done'; readonly report: Report; readonly log: readonly LogEntry[] }
  | { readonly type: 'error'; readonly message: string };

interface Port {
  post(message: WorkerOutbound): void;
  listen(handler: (message: WorkerInbound) => void): void;
}

function connect(): Port | null {
  // Electron utility processes get process.parentPort; Node child processes get process.send.
  const parentPort = (
    process as unknown as {
      parentPort?: {
        postMessage(m: unknown): void;
        on(e: 'message', h: (e: { data: unknown }) => void): void;
      };
    }
  ).parentPort;
  if (parentPort)
    return {
      post: (m) => parentPort.postMessage(m),
      listen: (h) => parentPort.on('message', (e) => h(e.data as WorkerInbound)),
    };
  if (process.send) {
    const send = process.send.bind(process);
    return { post: (m) => send(m), listen: (h) => process.on('message', (m) => h(m as WorkerInbound)) };
  }
  return null;
}

function serve(port: Port): void {
  const controller = new AbortController();
  port.listen((message) => {
    if (message.type === 'cancel') {
      controller.abort();
      return;
    }
    const { request } = message;
    const log = createRunLog();
    const disabled = new Set(request.disabledProbes);
    collectReport({
      probes: ALL_PROBES.filter((p) => !disabled.has(p.descriptor.id)),
      config: parseProbeConfig(request.config),
      log,
      problem: request.problem,
      locale: request.locale,
      probeTimeoutMs: request.probeTimeoutMs,
      signal: controller.signal,
      onProgress: (event) => port.post({ type: 'progress', event }),
    }).then(
      (report) => port.post({ type: 'done', report, log: log.entries }),
      (error: unknown) =>
        port.post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  });
}

const port = connect();
if (port) serve(port);
