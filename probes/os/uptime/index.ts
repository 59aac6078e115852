/**
 * os.uptime — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface UptimeData {}

export const uptimeProbe = defineProbe<UptimeData>({
  descriptor: { id: 'os.uptime', title: 'os.uptime', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
