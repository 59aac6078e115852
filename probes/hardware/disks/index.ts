/**
 * hardware.disks — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface DisksData {}

export const disksProbe = defineProbe<DisksData>({
  descriptor: { id: 'hardware.disks', title: 'hardware.disks', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
