/**
 * os.reboot-pending — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface RebootPendingData {}

export const rebootPendingProbe = defineProbe<RebootPendingData>({
  descriptor: { id: 'os.reboot-pending', title: 'os.reboot-pending', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
