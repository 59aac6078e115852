import { describeError } from '../errors';
import type { Gap, ProbeContext } from '../types';

/**
 * Runs one optional part of a collection. If it fails with an expected error the part is recorded as
 * a gap (the probe becomes `partial`) and null is returned; the rest of the probe carries on.
 * A stopped probe and bugs are not gaps: they propagate.
 */
export async function optional<T>(ctx: ProbeContext, gaps: Gap[], part: string, work: () => Promise<T>): Promise<T | null> {
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
