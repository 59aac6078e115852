/** The network probes, listed explicitly (nothing is discovered by scanning folders). */
import type { Probe } from '../types';

export const networkProbes: readonly Probe[] = [];

/** Each network probe's data type, by id, for typed access in findings and tests. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as probes are added
export interface NetworkData {}
