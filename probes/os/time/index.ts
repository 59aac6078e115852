/**
 * os.time — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface TimeData {}

export const timeProbe = defineProbe<TimeData>({
  descriptor: { id: 'os.time', title: 'os.time', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
