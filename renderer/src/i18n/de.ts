/** German: the same keys as English (the compiler checks), the same {placeholders} (a test checks). */
import type { Messages } from './en';
import { technicianDe } from './technician/de';

export const de: Messages = {
  'app.title': '{product}',
  'app.language': 'Sprache',
  'app.forIt': 'Für die IT: Bundle öffnen',
  'app.getHelp': 'Hilfe holen',
  'app.skip': 'Zum Inhalt springen',
  'app.loading': 'Wird gestartet…',
  'steps.label': 'Fortschritt',
  'steps.describe': 'Beschreiben',
  'steps.check': 'Prüfen',
  'steps.results': 'Ergebnis',
  'steps.review': 'Kontrollieren',
  'steps.sent': 'Senden',
  'steps.current': '(aktueller Schritt)',

  'describe.title': 'Was funktioniert nicht?',
  'describe.intro':
    'Beschreiben Sie es mit Ihren eigenen Worten. Triage prüft dann Ihren Computer und erstellt einen Bericht für die IT.',
  'describe.category': 'Um welche Art von Problem geht es?',
  'category.cant-connect': 'Ich komme nicht ins Netz',
  'category.slow': 'Es ist langsam',
  'category.app-crashes': 'Eine App stürzt ab',
  'category.cant-sign-in': 'Ich kann mich nicht anmelden',
  'category.printing': 'Drucken',
  'category.other': 'Etwas anderes',
  'describe.description': 'Was ist passiert?',
  'describe.descriptionHint':
    'Zum Beispiel: „Teams trennt seit heute Morgen alle paar Minuten die Verbindung.“',
  'describe.contact': 'Wie erreicht Sie die IT?',
  'describe.name': 'Name',
  'describe.email': 'E-Mail',
  'describe.phone': 'Telefon (freiwillig)',
  'describe.start': 'Computer prüfen',
  'describe.looksLikePassword':
    'Das sieht nach einem Kennwort aus. Bitte senden Sie keine Kennwörter: Die IT wird nie nach Ihrem fragen. Triage entfernt es ohnehin aus dem Bericht.',
  'describe.needDescription': 'Bitte beschreiben Sie das Problem zuerst in ein paar Worten.',
  'describe.needCategory': 'Bitte wählen Sie, um welche Art von Problem es geht.',
  'describe.restored': 'Wir haben aufbewahrt, was Sie zuletzt geschrieben haben.',
  'describe.crashed':
    'Die Prüfungen wurden vorzeitig beendet. Was Sie geschrieben haben, steht noch unten: Klicken Sie auf „Computer prüfen“, um es erneut zu versuchen.',
  'describe.saved': 'Gespeichert',
  'outbox.waiting':
    '{count, plural, one {# Bericht wartet auf das Senden. Triage sendet ihn von selbst, sobald die Verbindung funktioniert.} other {# Berichte warten auf das Senden. Triage sendet sie von selbst, sobald die Verbindung funktioniert.}}',
  'outbox.failed':
    '{count, plural, one {# Bericht konnte nicht gesendet werden, und Triage versucht es nicht von selbst erneut. Er bleibt auf diesem Computer; bitte informieren Sie die IT.} other {# Berichte konnten nicht gesendet werden, und Triage versucht es nicht von selbst erneut. Sie bleiben auf diesem Computer; bitte informieren Sie die IT.}}',
  'reports.title': 'Ihre Berichte',
  'reports.sent': 'Gesendet · Ticket {id}',
  'reports.waiting': 'Wartet auf das Senden',
  'reports.failed': 'Nicht gesendet – bitte informieren Sie die IT',
  'outbox.retry': 'Jetzt senden',
  'outbox.retrying': 'Wird gesendet…',
  'outbox.stillWaiting':
    'Eben erneut versucht: Der Bericht konnte noch nicht gesendet werden. Triage versucht es von selbst weiter; nichts geht verloren.',
  'outbox.allSent': 'Alles Wartende wurde gesendet. Ihre Ticketnummern stehen unten.',

  'checking.title': 'Ihr Computer wird geprüft…',
  'checking.intro':
    'Das dauert meist nur einige Sekunden. Prüfungen, die auf das Netzwerk warten, können länger dauern.',
  'checking.starting': 'Die Prüfungen starten…',
  'checking.progress': '{done} von {total} Prüfungen erledigt',
  'checking.waitingFor': 'Es wird noch gewartet auf: {names}',
  'checking.cancel': 'Abbrechen',
  'checking.escape': 'Mit Esc brechen Sie die Prüfungen ab.',
  'checking.cancelling': 'Wird beendet…',
  'status.ok': 'Fertig',
  'status.partial': 'Teilweise',
  'status.unsupported': 'Nicht auf diesem Computer',
  'status.timeout': 'Hat zu lange gedauert',
  'status.error': 'Nicht prüfbar',
  'status.running': 'Wird geprüft',
  'status.waiting': 'Wartet',
  'area.hardware': 'Hardware',
  'area.os': 'System',
  'area.network': 'Netzwerk',
  'area.security': 'Sicherheit',
  'area.general': 'Allgemein',

  'results.title': 'Das haben wir gefunden',
  'results.none': 'Keine Probleme gefunden',
  'results.noneIntro':
    'Ihr Computer sieht gesund aus. Wenn das Problem bleibt, senden Sie den Bericht trotzdem: Er hilft der IT.',
  'results.cancelled': 'Sie haben die Prüfung vorzeitig beendet, daher fehlen einige Ergebnisse.',
  'results.cause': 'Wahrscheinlich die Ursache Ihres Problems',
  'results.noCause':
    'Triage hat nichts gefunden, was dieses Problem erklärt. Senden Sie den Bericht trotzdem: Die IT prüft es anhand Ihrer Beschreibung.',
  'results.otherFixes': 'Weitere Dinge, die Sie selbst beheben können',
  'results.forIt':
    '{count, plural, one {# weiterer Punkt für die IT – Sie müssen nichts tun} other {# weitere Punkte für die IT – Sie müssen nichts tun}}',
  'results.youCanDo': 'Was Sie tun können',
  'results.itDoes': 'Was die IT tun wird',
  'results.okCount':
    '{count, plural, one {# Punkt geprüft und in Ordnung} other {# Punkte geprüft und in Ordnung}}',
  'results.next': 'Kontrollieren, was gesendet wird',
  'results.openFailed':
    'Das lässt sich auf diesem Computer nicht öffnen. Bitte öffnen Sie es über die Systemeinstellungen.',
  'open.network': 'Netzwerkeinstellungen öffnen',
  'open.wifi': 'WLAN-Einstellungen öffnen',
  'open.proxy': 'Proxy-Einstellungen öffnen',
  'open.vpn': 'VPN-Einstellungen öffnen',
  'open.storage': 'Speichereinstellungen öffnen',
  'open.updates': 'Update-Einstellungen öffnen',
  'open.date-time': 'Einstellungen für Datum & Uhrzeit öffnen',
  'open.power': 'Einstellungen für Energie & Akku öffnen',
  'open.display': 'Anzeigeeinstellungen öffnen',
  'open.security': 'Sicherheitseinstellungen öffnen',
  'open.firewall': 'Firewall-Einstellungen öffnen',
  'open.accounts': 'Anmeldeoptionen öffnen',
  'open.work-access': 'Einstellungen für Geschäfts- oder Schulkonto öffnen',
  'open.sign-in-page': 'Anmeldeseite öffnen',
  'results.again': 'Erneut prüfen',
  'severity.critical': 'Sofort beachten',
  'severity.warning': 'Sollte behoben werden',
  'severity.info': 'Gut zu wissen',
  'severity.ok': 'In Ordnung',

  'review.title': 'Kontrollieren, was gesendet wird',
  'review.intro': 'Nichts verlässt diesen Computer, bevor Sie auf Senden klicken.',
  'review.to': 'An',
  'review.it': 'die IT',
  'review.goes': 'Was gesendet wird',
  'review.goes.problem': 'Was Sie geschrieben haben und wie die IT Sie erreicht',
  'review.goes.checks':
    '{count, plural, one {Das Ergebnis von # Prüfung dieses Computers} other {Die Ergebnisse von # Prüfungen dieses Computers}}',
  'review.goes.log': 'Das Protokoll von Triage zu diesem Lauf',
  'review.hidden': 'Was verborgen wird',
  'review.hidden.off': 'Passwörter und Schlüssel werden entfernt. Sonst wird nichts verborgen.',
  'review.hidden.standard':
    'Ihr Benutzername, E-Mail-Adressen und WLAN-Namen werden durch Platzhalter wie [user-1] ersetzt. Passwörter und Schlüssel werden entfernt.',
  'review.hidden.strict':
    'Ihr Benutzername, E-Mail-Adressen, WLAN- und Computernamen, Netzwerkadressen, Seriennummern und Dateipfade werden durch Platzhalter wie [user-1] ersetzt. Passwörter und Schlüssel werden entfernt.',
  'review.hiddenCount':
    '{count, plural, =0 {Sonst wurde nichts zum Verbergen gefunden.} one {# Angabe ist in diesem Bericht verborgen.} other {# Angaben sind in diesem Bericht verborgen.}}',
  'review.details': 'Technische Details und was Sie weglassen können',
  'review.destination': 'Technisches Ziel: {destination}',
  'review.section.problem': 'Ihre Beschreibung und Kontaktdaten',
  'review.section.system': 'Über diesen Computer',
  'review.section.findings': 'Was Triage gefunden hat',
  'review.section.log': 'Protokoll von Triage',
  'review.group.main': 'Wird immer gesendet',
  'review.group.log': 'Protokoll von Triage',
  'review.include': 'Mitsenden',
  'review.required': 'Wird immer gesendet',
  'review.redactions': '{count, plural, one {# Angabe verborgen} other {# Angaben verborgen}}',
  'review.show': 'Anzeigen, was gesendet wird',
  'review.leftOut': 'Weggelassen',
  'review.size': 'Gesamtgröße: {size}',
  'review.send': 'An die IT senden',
  'review.sending': 'Wird gesendet…',
  'review.back': 'Zurück',

  'sent.title.sent': 'Ihr Bericht wurde gesendet',
  'sent.title.queued': 'Gespeichert – wird gesendet, sobald die Verbindung funktioniert',
  'sent.title.saved': 'Ihr Bericht wurde gespeichert',
  'sent.title.failed': 'Ihr Bericht konnte nicht gesendet werden',
  'sent.ticket': 'Ticketnummer: {id}',
  'sent.ticketLink': 'Link zum Ticket: {url}',
  'sent.title.draft': 'Ihre E-Mail an die IT ist bereit',
  'sent.reason.offline': 'Dieser Computer erreicht das Helpdesk-System gerade nicht.',
  'sent.reason.proxy-sign-in': 'Der Proxy dieses Netzwerks verlangt eine Anmeldung, die Triage nicht hat.',
  'sent.reason.helpdesk-busy': 'Das Helpdesk-System hat gerade nicht richtig geantwortet.',
  'sent.reason.setup':
    'Das Helpdesk-System hat die Verbindung von Triage nicht angenommen: Die Einrichtung muss die IT korrigieren.',
  'sent.reason.refused': 'Das Helpdesk-System hat diesen Bericht nicht angenommen.',
  'sent.reason.too-large': 'Der Bericht ist größer, als das Helpdesk-System annimmt.',
  'sent.queuedIntro':
    'Nichts geht verloren: Triage behält den Bericht und sendet ihn von selbst, sobald die Verbindung funktioniert – solange Triage läuft (es bleibt im Infobereich, wenn Sie dieses Fenster schließen) oder beim nächsten Start. Dann sehen Sie auch die Ticketnummer.',
  'sent.failedIntro':
    'Der Bericht bleibt auf diesem Computer, aber Triage versucht es nicht von selbst erneut. Bitte wenden Sie sich an die IT und geben Sie ihr die Berichtsdatei.',
  'sent.savedIntro': 'Bitte geben Sie diese Datei an die IT weiter.',
  'sent.draftOpened':
    'Ihr E-Mail-Programm hat eine E-Mail an die IT mit dem Bericht im Anhang geöffnet. Prüfen Sie sie und klicken Sie dort auf Senden.',
  'sent.draftNotOpened':
    'Triage konnte Ihr E-Mail-Programm nicht öffnen. Die E-Mail ist als Datei gespeichert: Öffnen und senden Sie sie, oder hängen Sie die Berichtsdatei an eine E-Mail an die IT an.',
  'sent.where': 'Gespeichert unter: {path}',
  'sent.showFile': 'Datei anzeigen',
  'sent.done': 'Fertig',

  'support.title': 'So erreichen Sie die IT',
  'support.call': 'IT anrufen: {phone}',
  'support.web': 'Hilfeseite der IT öffnen',
  'support.usual': 'Bitte wenden Sie sich wie gewohnt an die IT.',
  'support.openFailed': 'Das lässt sich auf diesem Computer nicht öffnen.',

  'error.checks':
    'Die Prüfungen konnten nicht starten. Bitte versuchen Sie es erneut; wenn es wieder passiert, wenden Sie sich an die IT.',
  'error.prepare':
    'Der Bericht konnte nicht vorbereitet werden. Bitte versuchen Sie es erneut; wenn es wieder passiert, wenden Sie sich an die IT.',

  ...technicianDe,
};
