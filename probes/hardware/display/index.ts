/**
 * hardware.display — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface DisplayData {}

export const displayProbe = defineProbe<DisplayData>({
  descriptor: { id: 'hardware.display', title: 'hardware.display', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
