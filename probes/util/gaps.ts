import { describeError, ProbeError } from '../errors';
import type { Gap, ProbeContext } from '../types';

/**
 * Runs one optional part of a collection. If it fails with an expected error the part is recorded as
 * a gap (the probe becomes `partial`) and null is returned; the rest of the probe carries on.
 * A stopped probe and bugs are not gaps: they propagate.
 */
export async function optional<T>(
  ctx: ProbeContext,
  gaps: Gap[],
  part: string,
  work: () => Promise<T>,
): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const { code, message } = describeError(error);
    if (code === 'internal') throw error;
    gaps.push({ part, code, message });
    return null;
  }
}

/**
 * Runs a lookup whose target may simply not exist on this machine — a tool that is not installed, a
 * file or folder that is not there. That is an answer (null), not a gap; other failures still throw.
 */
export async function ifPresent<T>(ctx: ProbeContext, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (
      !ctx.signal.aborted &&
      error instanceof ProbeError &&
      (error.code === 'command-not-found' || error.code === 'not-found')
    )
      return null;
    throw error;
  }
}
