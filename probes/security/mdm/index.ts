/**
 * security.mdm — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface MdmData {}

export const mdmProbe = defineProbe<MdmData>({
  descriptor: { id: 'security.mdm', title: 'security.mdm', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
