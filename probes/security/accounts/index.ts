/**
 * security.accounts — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface AccountsData {}

export const accountsProbe = defineProbe<AccountsData>({
  descriptor: { id: 'security.accounts', title: 'security.accounts', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
