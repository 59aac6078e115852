/**
 * The words of every finding, per language. A test checks that every locale has every rule's text
 * with the same placeholders as English.
 */
import type { MessageCatalog } from '../types';
import { generalMessagesDe } from './de/general';
import { hardwareMessagesDe } from './de/hardware';
import { networkLinkMessagesDe } from './de/network-link';
import { networkServicesMessagesDe } from './de/network-services';
import { osMessagesDe } from './de/os';
import { securityMessagesDe } from './de/security';
import { generalMessagesEn } from './en/general';
import { hardwareMessagesEn } from './en/hardware';
import { networkLinkMessagesEn } from './en/network-link';
import { networkServicesMessagesEn } from './en/network-services';
import { osMessagesEn } from './en/os';
import { securityMessagesEn } from './en/security';

export type Locale = 'en' | 'de';
export const LOCALES: readonly Locale[] = ['en', 'de'];

export const MESSAGES: Readonly<Record<Locale, MessageCatalog>> = {
  en: {
    ...generalMessagesEn,
    ...hardwareMessagesEn,
    ...osMessagesEn,
    ...networkLinkMessagesEn,
    ...networkServicesMessagesEn,
    ...securityMessagesEn,
  },
  de: {
    ...generalMessagesDe,
    ...hardwareMessagesDe,
    ...osMessagesDe,
    ...networkLinkMessagesDe,
    ...networkServicesMessagesDe,
    ...securityMessagesDe,
  },
};
