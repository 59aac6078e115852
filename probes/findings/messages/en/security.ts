import type { MessageCatalog } from '../../types';

/** English text of the security findings, keyed by rule id. */
export const securityMessagesEn: MessageCatalog = {};
