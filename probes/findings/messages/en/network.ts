import type { MessageCatalog } from '../../types';

/** English text of the network findings, keyed by rule id. */
export const networkMessagesEn: MessageCatalog = {};
