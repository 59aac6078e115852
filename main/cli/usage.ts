/**
 * Exit codes and usage errors of the `triage` command.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Documented in the README; scripts (Intune detection) rely on them, so they never change meaning. */
export const EXIT = {
  /** Finished; nothing at or above the --fail-on severity. */
  ok: 0,
  /** Finished; findings at or above the --fail-on severity. */
  findings: 1,
  /** The command line was wrong (unknown option or probe, bad number, unwritable path). Nothing ran. */
  usage: 2,
  /** Could not finish (cancelled, bundle not written, unexpected error). */
  failed: 3,
} as const;

/** A mistake on the command line: reported in words, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Triage will not do what was asked here, for a reason the message gives (exit code 3). */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';
}

/** Node's parseArgs, with its complaints turned into a UsageError that points at the command's help. */
export function parseCommandLine<T extends ParseArgsConfig>(
  command: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\.$/, '')}. Run "triage ${command} --help".`);
  }
}

/** Parses a whole number in a range, naming the option in the error. */
export function parseInteger(option: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${option} needs a whole number, not "${value}".`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`${option} must be between ${min} and ${max}, not ${n}.`);
  return n;
}
