/**
 * os.updates — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface UpdatesData {}

export const updatesProbe = defineProbe<UpdatesData>({
  descriptor: { id: 'os.updates', title: 'os.updates', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
