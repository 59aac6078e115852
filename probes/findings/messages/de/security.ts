import type { MessageCatalog } from '../../types';

/** German text of the security findings, keyed by rule id. */
export const securityMessagesDe: MessageCatalog = {
  'security.antivirus-off': {
    fine: 'Der Virenschutz ist eingeschaltet und aktuell',
    title: 'Der Virenschutz ist ausgeschaltet',
    explanation:
      '{product} schützt diesen Computer nicht aktiv, und kein anderes Antivirenprogramm tut es. Schädliche Dateien können unbemerkt ausgeführt werden.',
    userSteps: [
      'Öffnen Sie Windows-Sicherheit (oder Ihre Antiviren-App) und schalten Sie den Echtzeitschutz wieder ein.',
    ],
    itSteps: [
      'Prüfen, warum der Schutz aus ist (Richtlinie, ein entferntes Produkt, das Defender passiv zurückließ, Manipulation), und ihn wiederherstellen.',
    ],
  },
  'security.no-antivirus': {
    fine: 'Der Virenschutz ist eingeschaltet und aktuell',
    title: 'Es wurde kein Antivirenprogramm gefunden',
    explanation: 'Triage hat auf diesem Computer keinen Virenschutz gefunden.',
    userSteps: [],
    itSteps: ['Den Endpunktschutz der Organisation auf diesem Gerät installieren oder wieder aktivieren.'],
  },
  'security.antivirus-signatures-old': {
    fine: 'Der Virenschutz ist eingeschaltet und aktuell',
    title: 'Die Virendefinitionen sind {days, plural, one {# Tag} other {# Tage}} alt',
    explanation:
      '{product} hat seine Liste bekannter Bedrohungen seit {days, plural, one {# Tag} other {# Tagen}} nicht aktualisiert und übersieht deshalb neue.',
    userSteps: [
      'Öffnen Sie Windows-Sicherheit, gehen Sie zu Viren- & Bedrohungsschutz und wählen Sie „Nach Updates suchen“.',
    ],
    itSteps: [
      'Die Update-Quelle der Definitionen (Windows Update, WSUS, Verwaltungsserver) und den Netzwerkzugriff darauf prüfen.',
    ],
  },
  'security.firewall-off': {
    title: 'Die Firewall ist für {profile}-Netzwerke ausgeschaltet',
    explanation:
      'In dieser Art von Netzwerk können andere Geräte Dienste dieses Computers erreichen, die verborgen sein sollten.',
    userSteps: [
      'Öffnen Sie die Firewall-Einstellungen und schalten Sie die Firewall für {profile}-Netzwerke ein.',
    ],
    itSteps: ['Die Firewall per Richtlinie für alle Profile erzwingen; auf eine lokale Abweichung prüfen.'],
  },
  'security.disk-not-encrypted': {
    title: 'Das Systemlaufwerk ist nicht verschlüsselt',
    explanation:
      'Wenn dieser Computer verloren geht oder gestohlen wird, kann jeder die Dateien darauf lesen, indem er das Laufwerk ausbaut.',
    userSteps: [],
    itSteps: [
      'BitLocker/FileVault/LUKS für dieses Gerät einschalten (zuerst den Wiederherstellungsschlüssel hinterlegen).',
    ],
  },
  'security.encryption-suspended': {
    title: 'Die Laufwerksverschlüsselung ist auf {volume} angehalten',
    explanation:
      'Das Laufwerk ist verschlüsselt, aber der Schutz ist ausgesetzt (meist für ein Update), sodass der Schlüssel bis zur Fortsetzung offen gespeichert ist.',
    userSteps: ['Starten Sie den Computer neu: Der Schutz wird danach meist von selbst fortgesetzt.'],
    itSteps: [
      'Den Schutz fortsetzen (manage-bde -protectors -enable), falls er nach einem Neustart nicht zurückkehrt.',
    ],
  },
  'security.secure-boot-off': {
    title: 'Secure Boot ist ausgeschaltet',
    explanation:
      'Ohne Secure Boot kann Schadsoftware vor dem Betriebssystem starten, und manche Sicherheitsfunktionen (und die Windows-11-Konformität) funktionieren nicht.',
    userSteps: [],
    itSteps: [
      'Secure Boot in den Firmware-Einstellungen aktivieren (vorher prüfen, dass das Laufwerk GPT/UEFI nutzt).',
    ],
  },
  'security.tpm-missing': {
    title: 'Der Sicherheitschip (TPM) fehlt, funktioniert nicht oder ist veraltet',
    explanation:
      'Das TPM schützt die Schlüssel der Laufwerksverschlüsselung und die Windows-Hello-Anmeldung. Ohne funktionierendes TPM 2.0 sind diese Funktionen schwächer oder nicht verfügbar.',
    userSteps: [],
    itSteps: [
      'Das TPM in der Firmware aktivieren oder zurücksetzen, seine Firmware aktualisieren oder ein Ersatzgerät einplanen.',
    ],
  },
  'security.not-managed': {
    title: 'Dieser Computer ist nicht in der Geräteverwaltung Ihrer Organisation registriert',
    explanation:
      'Wenn Ihre Organisation ihre Computer verwaltet, erhält dieser ihre Einstellungen, Apps und Sicherheitsrichtlinien nicht, und manche Firmendienste lehnen ihn womöglich ab.',
    userSteps: [
      'Wenn dies ein Arbeitscomputer ist, fragen Sie die IT, wie er registriert wird (oft über Einstellungen > Konten > Auf Arbeits- oder Schulkonto zugreifen).',
    ],
    itSteps: [
      'Das Gerät im MDM registrieren (Intune oder Ihr Werkzeug); prüfen, warum die Registrierung fehlt oder entfernt wurde.',
    ],
  },
  'security.no-sso-token': {
    title: 'Die einmalige Anmeldung bei Arbeits-Apps funktioniert nicht',
    explanation:
      'Der Computer ist mit Ihrer Organisation verbunden, hat aber kein Anmeldetoken. Teams, Outlook und andere Apps fragen deshalb immer wieder nach dem Passwort oder können sich nicht anmelden.',
    userSteps: [
      'Sperren Sie den Computer und melden Sie sich mit Ihrem Arbeitspasswort (nicht der PIN) erneut an, während Sie mit dem Internet verbunden sind.',
    ],
    itSteps: [
      'dsregcmd /status (AzureAdPrt, Fehler), das Geräteobjekt in Entra ID und den TPM-Zustand prüfen.',
    ],
  },
  'security.user-is-admin': {
    title: 'Sie sind Administrator auf diesem Computer',
    explanation:
      'Ihr Konto kann alles auf diesem Computer ändern. Das ist manchmal so gewollt, aber schädliche Software, die Sie ausführen, erhält dieselben Rechte.',
    userSteps: [],
    itSteps: ['Bestätigen, dass lokale Administratorrechte für diesen Benutzer gewollt sind.'],
  },
  'security.no-screen-lock': {
    fine: 'Der Bildschirm sperrt sich von selbst',
    title: 'Der Bildschirm sperrt sich nicht von selbst',
    explanation: 'Wenn Sie weggehen, kann jeder diesen Computer mit Ihrem Konto benutzen.',
    userSteps: [
      'Schalten Sie in den Sperrbildschirm-Einstellungen die automatische Sperre ein, und sperren Sie den Bildschirm, wenn Sie gehen (Windows-Taste + L).',
    ],
    itSteps: [
      'Eine Inaktivitätssperre per Richtlinie erzwingen (InactivityTimeoutSecs oder das MDM-Gegenstück).',
    ],
  },
  'security.screen-lock-slow': {
    fine: 'Der Bildschirm sperrt sich von selbst',
    title: 'Der Bildschirm sperrt sich erst nach {minutes, plural, one {# Minute} other {# Minuten}}',
    explanation: 'So lange nach Ihrem Weggehen kann jeder diesen Computer mit Ihrem Konto benutzen.',
    userSteps: ['Stellen Sie die Sperre auf 15 Minuten oder weniger ein.'],
    itSteps: ['Eine Inaktivitätssperre von höchstens 15 Minuten per Richtlinie erzwingen.'],
  },
};
