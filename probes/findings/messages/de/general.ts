import type { MessageCatalog } from '../../types';

/** German text of the general findings, keyed by rule id. */
export const generalMessagesDe: MessageCatalog = {
  'general.checks-incomplete': {
    title: 'Einige Prüfungen konnten nicht abgeschlossen werden',
    explanation:
      '{count, plural, one {Eine der Prüfungen hat} other {# der Prüfungen haben}} keine Antwort geliefert ({checks}). Die übrigen Ergebnisse stimmen trotzdem, aber Probleme in diesen Bereichen werden womöglich nicht angezeigt.',
    userSteps: [],
    itSteps: [
      'Die fehlgeschlagenen Prüfungen im Paket ansehen: Jede nennt den Grund (fehlendes Werkzeug, fehlende Rechte oder Zeitlimit).',
    ],
  },
};
