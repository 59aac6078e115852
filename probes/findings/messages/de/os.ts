import type { MessageCatalog } from '../../types';

/** German text of the OS findings, keyed by rule id. */
export const osMessagesDe: MessageCatalog = {
  'os.unsupported': {
    title: 'Diese Betriebssystemversion erhält keine Sicherheitsupdates mehr',
    explanation:
      'Der Support für {os} ist beendet ({endedOn}). Neue Sicherheitslücken werden nicht mehr geschlossen, und manche Firmen-Apps und -Dienste lehnen es womöglich ab.',
    userSteps: [],
    itSteps: [
      'Dieses Gerät aktualisieren oder ersetzen; bis dahin den Zugriff gemäß Richtlinie einschränken.',
    ],
  },
  'os.support-ending': {
    title: 'Der Support für dieses Betriebssystem endet bald ({endsOn})',
    explanation: '{os} erhält ab dem {endsOn} keine Sicherheitsupdates mehr. Planen Sie das Upgrade vorher.',
    userSteps: [
      'Wenn in Ihren Update-Einstellungen ein Upgrade angeboten wird, installieren Sie es, oder fragen Sie die IT, wann Ihres geplant ist.',
    ],
    itSteps: ['Das Funktionsupdate oder den Austausch dieses Geräts vor dem {endsOn} einplanen.'],
  },
  'os.restart-pending': {
    fine: 'Kein Neustart nötig',
    title: 'Der Computer muss neu gestartet werden, um Updates abzuschließen',
    explanation:
      'Updates warten auf einen Neustart ({reasons}). Bis dahin sind sie nicht wirksam, und manche Probleme, die sie beheben, bleiben bestehen.',
    userSteps: [
      'Speichern Sie Ihre Arbeit und starten Sie den Computer neu (Neu starten, nicht Herunterfahren).',
    ],
    itSteps: [
      'Der Computer läuft seit {days, plural, one {# Tag} other {# Tagen}}; wenn Neustarts lange aufgeschoben werden, eine Frist erzwingen.',
    ],
  },
  'os.long-uptime': {
    fine: 'Kein Neustart nötig',
    title: 'Der Computer wurde seit {days, plural, one {# Tag} other {# Tagen}} nicht neu gestartet',
    explanation:
      'Lange laufende Computer sammeln kleine Probleme (Speicher, hängende Treiber) und verpassen Updates, die einen Neustart brauchen.',
    userSteps: ['Speichern Sie Ihre Arbeit und starten Sie den Computer neu.'],
    itSteps: ['Eine Neustartrichtlinie erwägen.'],
  },
  'os.long-uptime-fast-startup': {
    fine: 'Kein Neustart nötig',
    title: 'Der Computer wurde seit {days, plural, one {# Tag} other {# Tagen}} nicht wirklich neu gestartet',
    explanation:
      'Der Schnellstart ist eingeschaltet: „Herunterfahren“ versetzt Windows nur in den Ruhezustand, Probleme und wartende Updates überstehen es. Nur „Neu starten“ beginnt frisch.',
    userSteps: [
      'Speichern Sie Ihre Arbeit und wählen Sie im Startmenü „Neu starten“ (nicht „Herunterfahren“).',
    ],
    itSteps: ['Schnellstart per Richtlinie abschalten (HiberbootEnabled = 0) oder Neustarts erzwingen.'],
  },
  'os.updates-stale': {
    title: 'Seit {days, plural, one {# Tag} other {# Tagen}} wurden keine Updates installiert',
    explanation:
      'Sicherheitsupdates erscheinen jeden Monat. Diesem Computer fehlen einige, und er ist bekannten, ausgenutzten Lücken ausgesetzt.',
    userSteps: [
      'Öffnen Sie die Update-Einstellungen, suchen Sie nach Updates, installieren Sie sie und starten Sie neu.',
    ],
    itSteps: [
      'Ermitteln, warum hier keine Updates ankommen (Update-Dienst, Verwaltungsrichtlinie, Speicherplatz, hängendes Update).',
    ],
  },
  'os.update-service-disabled': {
    title: 'Der Update-Dienst ist ausgeschaltet',
    explanation:
      'Der Dienst, der Updates installiert, ist deaktiviert. Dieser Computer erhält deshalb überhaupt keine Sicherheitskorrekturen.',
    userSteps: [],
    itSteps: [
      'Den Update-Dienst wieder aktivieren (Windows: wuauserv), sofern Updates nicht bewusst anders verteilt werden.',
    ],
  },
  'os.time-service-not-syncing': {
    // Shared with the clock rules: one line, and none while any of them finds a problem.
    fine: 'Die Uhr des Computers geht richtig',
    title: 'Der Computer hält seine Uhr nicht genau',
    explanation:
      'Sein Zeitdienst ist angehalten oder synchronisiert nicht. Die Uhr wird abweichen, und Anmeldungen schlagen fehl, sobald sie Minuten falsch geht.',
    userSteps: [
      'Öffnen Sie die Datums- und Uhrzeiteinstellungen und schalten Sie „Uhrzeit automatisch festlegen“ ein.',
    ],
    itSteps: ['Den Zeitdienst ({service}) starten und seine Zeitquelle prüfen.'],
  },
  'os.system-crashes': {
    fine: 'Das System ist heute nicht abgestürzt',
    title:
      'Das System ist heute {count, plural, one {einmal} other {#-mal}} abgestürzt (Bluescreen oder Kernel Panic)',
    explanation:
      'Das ganze System ist mit einem Fehler stehen geblieben und hat neu gestartet. Ungespeicherte Arbeit geht jedes Mal verloren, und es passiert meist wieder, bis die Ursache behoben ist.',
    userSteps: ['Speichern Sie Ihre Arbeit häufig, bis die IT sich das angesehen hat.'],
    itSteps: [
      'Bugcheck-Code und Speicherabbild auswerten; kürzlich aktualisierte Treiber, Firmware und Arbeitsspeicher prüfen.',
    ],
  },
  'os.unexpected-shutdowns': {
    fine: 'Das System ist heute nicht abgestürzt',
    title:
      'Der Computer hat sich unerwartet ausgeschaltet (heute {count, plural, one {einmal} other {#-mal}})',
    explanation:
      'Er ist ohne ordnungsgemäßes Herunterfahren stehen geblieben: Stromausfall, leerer Akku, Überhitzung oder gedrückt gehaltener Einschaltknopf.',
    userSteps: ['Prüfen Sie, ob das Netzteil angeschlossen ist und die Lüftungsöffnungen frei sind.'],
    itSteps: [
      'Energieeinstellungen, Akkuzustand und Temperaturen prüfen; die Ereignisse vor jedem Abschalten ansehen.',
    ],
  },
  'os.app-crashing': {
    fine: 'Kein Programm stürzt immer wieder ab',
    title: '{app} stürzt immer wieder ab (heute {count, plural, one {einmal} other {#-mal}})',
    explanation:
      'Dasselbe Programm wurde mehrmals mit einem Fehler beendet. Reparieren oder Aktualisieren hilft oft.',
    userSteps: [
      'Aktualisieren Sie {app} oder reparieren Sie es in den Einstellungen der installierten Apps.',
      'Starten Sie den Computer neu.',
    ],
    itSteps: [
      'Das fehlerhafte Modul in den Ereignissen ansehen; {app} und seine Add-ins neu installieren oder aktualisieren.',
    ],
  },
  'os.disk-errors': {
    fine: 'Das Laufwerk hat heute keine Fehler gemeldet',
    title:
      'Das Laufwerk hat Lese- oder Schreibfehler gemeldet (heute {count, plural, one {einmal} other {#-mal}})',
    explanation:
      'Der Computer hatte Probleme, das Laufwerk zu lesen oder zu beschreiben. Dateien können beschädigt sein, und das Laufwerk fällt womöglich aus.',
    userSteps: [
      'Sorgen Sie jetzt dafür, dass Ihre wichtigen Dateien in OneDrive oder auf einem Netzlaufwerk gespeichert sind.',
    ],
    itSteps: [
      'Laufwerkszustand (SMART), Kabel und Firmware prüfen; sichern und das Laufwerk tauschen, wenn die Fehler anhalten.',
    ],
  },
  'os.process-hog': {
    title: '{process} beansprucht den Computer stark',
    explanation:
      'Es nutzt {cpuPercent, number} % des Prozessors und {memoryGb, number} GB Arbeitsspeicher, und alles andere wird dadurch langsamer.',
    userSteps: [
      'Wenn Sie {process} gerade nicht brauchen, schließen Sie es. Wenn es hängt, starten Sie den Computer neu.',
    ],
    itSteps: [
      '{process} auf ein bekanntes Problem, ein Update oder eine hängende Aufgabe prüfen (Scan, Synchronisierung, Indizierung).',
    ],
  },
};
