/**
 * network.ntp — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface NtpData {}

export const ntpProbe = defineProbe<NtpData>({
  descriptor: { id: 'network.ntp', title: 'network.ntp', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
