/**
 * network.connectivity — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface ConnectivityData {}

export const connectivityProbe = defineProbe<ConnectivityData>({
  descriptor: { id: 'network.connectivity', title: 'network.connectivity', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
