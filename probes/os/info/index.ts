/**
 * os.info — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface OsInfoData {}

export const osInfoProbe = defineProbe<OsInfoData>({
  descriptor: { id: 'os.info', title: 'os.info', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
