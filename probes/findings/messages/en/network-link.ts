import type { MessageCatalog } from '../../types';

/** English text of the network link findings, keyed by rule id. */
export const networkLinkMessagesEn: MessageCatalog = {};
