/**
 * network.interfaces — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface InterfacesData {}

export const interfacesProbe = defineProbe<InterfacesData>({
  descriptor: { id: 'network.interfaces', title: 'network.interfaces', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
