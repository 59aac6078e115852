/**
 * hardware.memory — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface MemoryData {}

export const memoryProbe = defineProbe<MemoryData>({
  descriptor: { id: 'hardware.memory', title: 'hardware.memory', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
