import type { MessageCatalog } from '../../types';

/** English text of the hardware findings, keyed by rule id. */
export const hardwareMessagesEn: MessageCatalog = {};
