/**
 * network.dhcp — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface DhcpData {}

export const dhcpProbe = defineProbe<DhcpData>({
  descriptor: { id: 'network.dhcp', title: 'network.dhcp', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
