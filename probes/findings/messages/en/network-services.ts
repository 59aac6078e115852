import type { MessageCatalog } from '../../types';

/** English text of the network services findings, keyed by rule id. */
export const networkServicesMessagesEn: MessageCatalog = {};
