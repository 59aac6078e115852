/**
 * What the app tells the user outside its window (a system notification), in the app's languages.
 * The window's own words are in renderer/src/i18n; these few live here because the main process
 * shows them, also while the window is closed to the tray.
 */
import type { AppLocale } from '../ipc/contract';
import type { SentNotice } from './auto-send';

const TEXT = {
  en: {
    sentTitle: 'Your report was sent',
    sentBody: (ticket: string, subject: string) =>
      `IT received your report${subject ? ` “${subject}”` : ''}. Ticket number: ${ticket}.`,
    savedTitle: 'Your report was saved',
    savedBody: (where: string) => `Please send this file to IT: ${where}`,
  },
  de: {
    sentTitle: 'Ihr Bericht wurde gesendet',
    sentBody: (ticket: string, subject: string) =>
      `Die IT hat Ihren Bericht${subject ? ` „${subject}“` : ''} erhalten. Ticketnummer: ${ticket}.`,
    savedTitle: 'Ihr Bericht wurde gespeichert',
    savedBody: (where: string) => `Bitte senden Sie diese Datei an die IT: ${where}`,
  },
} satisfies Record<AppLocale, unknown>;

/**
 * The notification for a queued report that went out by itself; `saved` when the destination is a
 * file the user passes on (a local folder, an e-mail draft) rather than a helpdesk.
 */
export function sentNotification(
  locale: AppLocale,
  notice: SentNotice,
  saved: boolean,
): { title: string; body: string } {
  const text = TEXT[locale];
  return saved
    ? { title: text.savedTitle, body: text.savedBody(notice.receipt.url ?? notice.receipt.id) }
    : { title: text.sentTitle, body: text.sentBody(notice.receipt.id, notice.subject) };
}
