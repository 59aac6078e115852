/**
 * os.processes — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface ProcessesData {}

export const processesProbe = defineProbe<ProcessesData>({
  descriptor: { id: 'os.processes', title: 'os.processes', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
