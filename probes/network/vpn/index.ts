/**
 * network.vpn — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface VpnData {}

export const vpnProbe = defineProbe<VpnData>({
  descriptor: { id: 'network.vpn', title: 'network.vpn', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
