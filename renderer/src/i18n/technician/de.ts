import type { TechnicianMessages } from './en';

/** German words of the technician view. */
export const technicianDe: TechnicianMessages = {
  'tech.title': 'Bundle öffnen',
  'tech.intro':
    'Öffnen Sie ein Triage-Bundle, um zu sehen, was auf dem Computer des Nutzers gefunden wurde. Bundles werden geprüft, bevor etwas angezeigt wird.',
  'tech.choose': 'Bundle auswählen…',
  'tech.drop': 'oder ein .zip-Bundle hierher ziehen',
  'tech.opening': 'Wird geöffnet…',
  'tech.intact': 'Unverändert: Jede Datei stimmt mit ihrer Prüfsumme überein.',
  'tech.problems': 'Dieses Bundle hat Probleme:',
  'tech.tabs': 'Bereiche des Bundles',
  'tech.tab.findings': 'Befunde',
  'tech.tab.system': 'System',
  'tech.tab.checks': 'Prüfungen',
  'tech.tab.compare': 'Vergleichen',
  'tech.search': 'In den Daten suchen',
  'tech.noMatch': 'Keine Prüfung passt zu „{query}“.',
  'tech.check': 'Prüfung',
  'tech.status': 'Status',
  'tech.duration': 'Dauer',
  'tech.data': 'Daten',
  'tech.problem': 'Der Nutzer schrieb',
  'tech.meta': '{host} · {os} · geprüft am {date} · Triage {version} · Schwärzung: {redaction}',
  'tech.compareIntro': 'Öffnen Sie ein zweites Bundle desselben Computers, um Änderungen zu sehen.',
  'tech.compareChoose': 'Bundle zum Vergleich auswählen…',
  'tech.appeared': 'Neue Befunde',
  'tech.cleared': 'Behobene Befunde',
  'tech.changedFacts': 'Geänderte Werte',
  'tech.noChanges': 'Keine',
  'tech.differentMachine': 'Diese Bundles stammen von verschiedenen Computern.',
  'tech.evidence': 'Belege',
  'tech.policyWarnings':
    'Einige verwaltete Richtlinienwerte dieses Computers sind ungültig; Triage ignoriert sie und verwendet die Standardwerte:',
  'tech.noFindings': 'Triage hat auf diesem Computer keine Probleme gefunden.',
  'tech.close': 'Bundle schließen',
};
