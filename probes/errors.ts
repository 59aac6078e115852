/**
 * Expected failures, as typed codes.
 *
 * A probe that cannot do its job is not a bug: it ends with one of these codes and a message that
 * says what happened and what to do. Anything else thrown is a bug and is reported as `internal`.
 */
export type ProbeErrorCode =
  | 'unsupported'
  | 'command-not-found'
  | 'command-failed'
  | 'permission-denied'
  | 'not-found'
  | 'timeout'
  | 'cancelled'
  | 'output-too-large'
  | 'parse-error'
  | 'powershell-unavailable'
  /** The part needs PowerShell's FullLanguage (.NET methods, COM, WinRT), and App Control allows only ConstrainedLanguage. */
  | 'needs-full-language'
  | 'network-error'
  | 'not-available'
  | 'internal';

export const PROBE_ERROR_CODES: readonly ProbeErrorCode[] = [
  'unsupported',
  'command-not-found',
  'command-failed',
  'permission-denied',
  'not-found',
  'timeout',
  'cancelled',
  'output-too-large',
  'parse-error',
  'powershell-unavailable',
  'needs-full-language',
  'network-error',
  'not-available',
  'internal',
];

export class ProbeError extends Error {
  override readonly name = 'ProbeError';
  constructor(
    readonly code: ProbeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isProbeError(value: unknown): value is ProbeError {
  return value instanceof ProbeError;
}

/** Turns any thrown value into a code and message; unknown throwables are bugs, coded `internal`. */
export function describeError(error: unknown): { code: ProbeErrorCode; message: string } {
  if (isProbeError(error)) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'internal', message: `Internal error: ${error.message}` };
  return { code: 'internal', message: `Internal error: ${String(error)}` };
}

/** For exhaustive switches: the compiler proves this is never reached. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
