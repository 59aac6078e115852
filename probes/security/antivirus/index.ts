/**
 * security.antivirus — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface AntivirusData {}

export const antivirusProbe = defineProbe<AntivirusData>({
  descriptor: { id: 'security.antivirus', title: 'security.antivirus', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
