/**
 * Shows a run's progress: a one-line bar on a terminal, plain lines otherwise (logs, CI, Intune).
 */
import type { ProgressEvent } from '../../probes/types';

export interface ProgressView {
  (event: ProgressEvent): void;
}

const BAR_WIDTH = 24;

/** Plain lines, one per probe start and end: readable in a log file. */
export function lineProgress(write: (line: string) => void): ProgressView {
  return (event) => {
    switch (event.type) {
      case 'run-started':
        write(`Running ${event.total} checks…`);
        break;
      case 'probe-started':
        break;
      case 'probe-finished':
        write(`[${event.done}/${event.total}] ${event.id}: ${event.status} (${event.durationMs} ms)`);
        break;
      case 'run-finished':
        write(`All checks finished in ${(event.durationMs / 1000).toFixed(1)} s.`);
        break;
    }
  };
}

/** A bar that redraws itself, naming the checks still running (honest about what is slow). */
export function barProgress(stream: NodeJS.WriteStream): ProgressView {
  // A stream that is not a terminal has no width.
  const columns = (): number => (stream.isTTY ? stream.columns : 100);
  const running = new Map<string, string>();
  let done = 0;
  let total = 0;
  const draw = (): void => {
    const filled = total === 0 ? 0 : Math.round((done / total) * BAR_WIDTH);
    const waiting = [...running.values()].slice(0, 3).join(', ');
    const more = running.size > 3 ? ` +${running.size - 3}` : '';
    const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total}${waiting ? `  waiting for ${waiting}${more}` : ''}`;
    const width = columns();
    stream.write(`\r${line.slice(0, width - 1).padEnd(width - 1)}`);
  };
  return (event) => {
    switch (event.type) {
      case 'run-started':
        total = event.total;
        draw();
        break;
      case 'probe-started':
        running.set(event.id, event.title);
        draw();
        break;
      case 'probe-finished':
        running.delete(event.id);
        done = event.done;
        draw();
        break;
      case 'run-finished':
        stream.write(`\r${' '.repeat(columns() - 1)}\r`);
        break;
    }
  };
}
