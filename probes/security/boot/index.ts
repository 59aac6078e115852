/**
 * security.boot — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface BootData {}

export const bootProbe = defineProbe<BootData>({
  descriptor: { id: 'security.boot', title: 'security.boot', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
