/**
 * network.gateway — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface GatewayData {}

export const gatewayProbe = defineProbe<GatewayData>({
  descriptor: { id: 'network.gateway', title: 'network.gateway', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
