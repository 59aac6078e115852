/**
 * security.firewall — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface FirewallData {}

export const firewallProbe = defineProbe<FirewallData>({
  descriptor: { id: 'security.firewall', title: 'security.firewall', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
