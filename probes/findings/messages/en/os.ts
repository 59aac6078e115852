import type { MessageCatalog } from '../../types';

/** English text of the os findings, keyed by rule id. */
export const osMessagesEn: MessageCatalog = {};
