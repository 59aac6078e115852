/**
 * Runs a collection in the probes' own process and relays its progress. The desktop app starts
 * that process with Electron's utilityProcess; plain Node (tests, tools) with child_process.fork.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ProgressEvent } from '../../probes/types';
import type { LogEntry } from '../log';
import type { Report } from '../report';
import type { CollectRequest, WorkerInbound, WorkerOutbound } from './collector-process';

export interface WorkerHandle {
  send(message: WorkerInbound): void;
  onMessage(listener: (message: WorkerOutbound) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type StartWorker = () => WorkerHandle;

/** The compiled collector process module (dist/main/app/collector-process.js). */
export const COLLECTOR_MODULE = join(__dirname, 'collector-process.js');

/**
 * Node's way to start the collector process (Electron's is in main/electron). `wrapper` runs it
 * through another program, e.g. `['ip', 'netns', 'exec', 'lab']` so tests keep its traffic in a
 * test network; the IPC channel passes through, as it is an inherited file descriptor.
 */
export function forkWorker(modulePath = COLLECTOR_MODULE, wrapper: readonly string[] = []): WorkerHandle {
  const [file, ...args] = [...wrapper, process.execPath, modulePath];
  const child = spawn(file, args, {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  return {
    send: (message) => child.send(message),
    onMessage: (listener) => child.on('message', (m) => listener(m as WorkerOutbound)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  };
}

export class CollectionFailed extends Error {
  override readonly name = 'CollectionFailed';
}

/**
 * Collects in a separate process. Resolves with the report; rejects with CollectionFailed (in
 * words for the user) if the process dies or reports an error. `cancel` asks the probes to stop;
 * the report then arrives with the cancelled probes marked.
 */
export function collectInWorker(
  start: StartWorker,
  request: CollectRequest,
  onProgress: (event: ProgressEvent) => void,
): { result: Promise<{ report: Report; log: readonly LogEntry[] }>; cancel: () => void } {
  const worker = start();
  let settled = false;
  const result = new Promise<{ report: Report; log: readonly LogEntry[] }>((resolve, reject) => {
    worker.onMessage((message) => {
      if (message.type === 'progress') onProgress(message.event);
      else if (message.type === 'done') {
        settled = true;
        resolve({ report: message.report, log: message.log });
        worker.kill();
      } else {
        settled = true;
        reject(new CollectionFailed(`The checks could not run: ${message.message}`));
        worker.kill();
      }
    });
    worker.onExit((code) => {
      if (!settled)
        reject(
          new CollectionFailed(
            `The checks stopped unexpectedly (their process ended${code === null ? '' : ` with code ${code}`}). Your description is saved; please try again.`,
          ),
        );
    });
  });
  worker.send({ type: 'collect', request });
  return { result, cancel: () => worker.send({ type: 'cancel' }) };
}
