/** The hardware probes, listed explicitly (nothing is discovered by scanning folders). */
import type { Probe } from '../types';
import { batteryProbe, type BatteryData } from './battery';
import { cpuProbe, type CpuData } from './cpu';
import { disksProbe, type DisksData } from './disks';
import { displayProbe, type DisplayData } from './display';
import { memoryProbe, type MemoryData } from './memory';

export const hardwareProbes: readonly Probe[] = [
  cpuProbe,
  memoryProbe,
  disksProbe,
  batteryProbe,
  displayProbe,
];

/** Each hardware probe's data type, by id, for typed access in findings and tests. */
export interface HardwareData {
  'hardware.cpu': CpuData;
  'hardware.memory': MemoryData;
  'hardware.disks': DisksData;
  'hardware.battery': BatteryData;
  'hardware.display': DisplayData;
}
