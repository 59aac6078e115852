/**
 * The probe index: every probe Triage runs, in the order reports list them.
 * Probes are listed explicitly, area by area; a conformance test walks this list.
 */
import { hardwareProbes, type HardwareData } from './hardware';
import { networkProbes, type NetworkData } from './network';
import { osProbes, type OsData } from './os';
import { securityProbes, type SecurityData } from './security';
import type { Probe, ProbeId } from './types';

export const ALL_PROBES: readonly Probe[] = [
  ...hardwareProbes,
  ...osProbes,
  ...networkProbes,
  ...securityProbes,
];

/** Data type of each probe, by id. */
export interface ProbeDataMap extends HardwareData, OsData, NetworkData, SecurityData {}

export function findProbe(id: string): Probe | undefined {
  return ALL_PROBES.find((probe) => probe.descriptor.id === id);
}

export function probeIds(): ProbeId[] {
  return ALL_PROBES.map((probe) => probe.descriptor.id);
}
