/**
 * The run log: what Triage did and what went wrong, kept in memory for the bundle's triage.log
 * and optionally echoed to a sink (stderr with --verbose, a log file in deployments).
 *
 * Messages are written by us, never copied from user data; fields may carry paths and error text,
 * which bundle redaction scrubs like everything else.
 */
import type { Logger } from '../probes/types';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  readonly time: string;
  readonly level: LogLevel;
  readonly message: string;
  readonly fields?: Readonly<Record<string, unknown>>;
}

export interface RunLog {
  readonly logger: Logger;
  readonly entries: readonly LogEntry[];
}

export function formatLogEntry(entry: LogEntry): string {
  const fields =
    entry.fields && Object.keys(entry.fields).length > 0 ? ` ${JSON.stringify(entry.fields)}` : '';
  return `${entry.time} ${entry.level.toUpperCase().padEnd(5)} ${entry.message}${fields}`;
}

export function createRunLog(sink?: (entry: LogEntry) => void): RunLog {
  const entries: LogEntry[] = [];
  const write =
    (level: LogLevel) =>
    (message: string, fields?: Record<string, unknown>): void => {
      const entry: LogEntry = {
        time: new Date().toISOString(),
        level,
        message,
        ...(fields ? { fields } : {}),
      };
      entries.push(entry);
      sink?.(entry);
    };
  return {
    entries,
    logger: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') },
  };
}
