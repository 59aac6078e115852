/**
 * hardware.battery — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface BatteryData {}

export const batteryProbe = defineProbe<BatteryData>({
  descriptor: { id: 'hardware.battery', title: 'hardware.battery', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
