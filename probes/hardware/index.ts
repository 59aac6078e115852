/** The hardware probes, listed explicitly (nothing is discovered by scanning folders). */
import type { Probe } from '../types';
import { cpuProbe, type CpuData } from './cpu';

export const hardwareProbes: readonly Probe[] = [cpuProbe];

/** Each hardware probe's data type, by id, for typed access in findings and tests. */
export interface HardwareData {
  'hardware.cpu': CpuData;
}
