/**
 * network.dns — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface DnsData {}

export const dnsProbe = defineProbe<DnsData>({
  descriptor: { id: 'network.dns', title: 'network.dns', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
