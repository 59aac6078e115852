/**
 * security.encryption — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface EncryptionData {}

export const encryptionProbe = defineProbe<EncryptionData>({
  descriptor: { id: 'security.encryption', title: 'security.encryption', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
