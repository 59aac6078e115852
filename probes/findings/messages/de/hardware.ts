import type { MessageCatalog } from '../../types';

/** German text of the hardware findings, keyed by rule id. */
export const hardwareMessagesDe: MessageCatalog = {
  'hardware.disk-almost-full': {
    fine: 'Es ist genug Speicherplatz frei',
    title: 'Ihr Hauptlaufwerk ist fast voll',
    explanation:
      'Nur noch {freeGb, number} GB ({freePercent, number} %) sind frei. Wenn das Laufwerk voll ist, schlagen Updates fehl, Programme stürzen ab und Dateien lassen sich nicht mehr speichern.',
    userSteps: [
      'Leeren Sie den Papierkorb und Ihren Download-Ordner.',
      'Öffnen Sie die Speichereinstellungen und lassen Sie temporäre Dateien bereinigen.',
      'Verschieben Sie große Dateien (Videos, alte Projekte) nach OneDrive oder auf ein Netzlaufwerk.',
    ],
    itSteps: [
      'Prüfen, was den Platz belegt (Benutzerprofil, Windows.old, WinSxS, Caches), und bereinigen oder das Laufwerk vergrößern.',
    ],
  },
  'hardware.disk-space-low': {
    fine: 'Es ist genug Speicherplatz frei',
    title: 'Auf {volume} wird der Speicherplatz knapp',
    explanation:
      '{freeGb, number} GB ({freePercent, number} %) sind frei. Das reicht vorerst, aber nicht für das nächste große Update oder Projekt.',
    userSteps: [
      'Löschen Sie Dateien, die Sie nicht mehr brauchen, und leeren Sie den Papierkorb.',
      'Öffnen Sie die Speichereinstellungen, um zu sehen, was am meisten Platz belegt.',
    ],
    itSteps: ['Vor dem nächsten Funktionsupdate eine Bereinigung oder ein größeres Laufwerk einplanen.'],
  },
  'hardware.disk-failing': {
    title: 'Ein Laufwerk fällt möglicherweise aus: {disk}',
    explanation:
      'Das Laufwerk meldet, dass es verschleißt oder bald ausfällt. Dateien darauf können ohne Vorwarnung verloren gehen.',
    userSteps: [
      'Sorgen Sie jetzt dafür, dass Ihre wichtigen Dateien in OneDrive oder auf einem Netzlaufwerk gespeichert sind.',
    ],
    itSteps: [
      'Das Gerät sichern und das Laufwerk tauschen; SMART-Werte und das Systemereignisprotokoll auf Laufwerksfehler prüfen.',
    ],
  },
  'hardware.memory-pressure': {
    fine: 'Es ist genug Arbeitsspeicher frei',
    title: 'Ihrem Computer geht der Arbeitsspeicher aus',
    explanation:
      'Fast der gesamte Arbeitsspeicher ({totalGb, number} GB) ist belegt, deshalb müssen Programme auf das Laufwerk warten und alles wirkt langsam.',
    userSteps: [
      'Schließen Sie Programme und Browser-Tabs, die Sie nicht brauchen.',
      'Starten Sie den Computer neu, wenn er schon lange läuft.',
    ],
    itSteps: [
      'Die größten Speicherverbraucher im Paket ansehen (os.processes); mehr Arbeitsspeicher für die Arbeitslast dieses Benutzers erwägen.',
    ],
  },
  'hardware.memory-small': {
    title: 'Dieser Computer hat wenig Arbeitsspeicher ({totalGb, number} GB)',
    explanation:
      'Moderne Büroarbeit (Teams, ein Browser und Office gleichzeitig) braucht etwa 8 GB. Mit weniger ist der Computer oft langsam.',
    userSteps: [],
    itSteps: ['Eine Speichererweiterung oder ein Ersatzgerät für diesen Benutzer erwägen.'],
  },
  'hardware.heavy-swapping': {
    fine: 'Es ist genug Arbeitsspeicher frei',
    title: 'Der Computer nutzt das Laufwerk als Arbeitsspeicher',
    explanation:
      'Der Arbeitsspeicher ist so voll, dass der Computer ständig Daten zwischen Arbeitsspeicher und Laufwerk verschiebt. Das Wechseln zwischen Programmen wird langsam.',
    userSteps: ['Schließen Sie Programme, die Sie nicht brauchen, und starten Sie dann den Computer neu.'],
    itSteps: [
      'Die Prozesse mit dem höchsten Speicherverbrauch suchen (os.processes) und auf Speicherlecks prüfen; mehr Arbeitsspeicher erwägen.',
    ],
  },
  'hardware.battery-worn': {
    title: 'Der Akku ist verschlissen ({health, number} % der ursprünglichen Kapazität)',
    explanation:
      '{cycles, select, unknown {Nach vielen Ladungen} other {Nach {cycles, number} Ladezyklen}} speichert er deutlich weniger Energie, deshalb ist der Laptop schneller leer als früher.',
    userSteps: ['Lassen Sie den Laptop nach Möglichkeit am Netzteil, bis der Akku getauscht ist.'],
    itSteps: [
      'Garantie prüfen und den Akku tauschen, wenn er unter der Schwelle des Herstellers liegt (oft 80 %).',
    ],
  },
  'hardware.battery-not-charging': {
    title: 'Der Akku lädt nicht, obwohl das Netzteil angeschlossen ist',
    explanation:
      'Der Laptop hängt am Netz, aber der Akku bleibt bei {percent, number} %. Netzteil, Kabel oder Akku könnten defekt sein.',
    userSteps: [
      'Prüfen Sie, ob das Netzteil an beiden Enden fest eingesteckt ist, oder versuchen Sie eine andere Steckdose oder ein anderes Netzteil.',
      'Wenn Ihr Laptop eine Akku-Schonung oder „Ladung begrenzen“ hat, prüfen Sie, ob sie eingeschaltet ist.',
    ],
    itSteps: [
      'Mit einem funktionierenden Netzteil testen; Akkuzustand und das Energieverwaltungsprogramm des Herstellers prüfen.',
    ],
  },
  'hardware.cpu-busy': {
    fine: 'Der Prozessor ist nicht überlastet',
    title: 'Der Prozessor ist sehr ausgelastet ({load, number} %)',
    explanation: 'Etwas beansprucht fast den gesamten Prozessor, deshalb wird alles andere langsam.',
    userSteps: [
      'Schließen Sie Programme, die Sie nicht brauchen. Bleibt der Computer langsam, starten Sie ihn neu.',
    ],
    itSteps: [
      'Die Top-Prozesse im Paket (os.processes) auf ein außer Kontrolle geratenes Programm, einen Scan oder ein Update prüfen.',
    ],
  },
  'hardware.gpu-driver-old': {
    title: 'Der Grafiktreiber ist {years, plural, one {# Jahr} other {# Jahre}} alt',
    explanation:
      'Der Treiber für {gpu} stammt vom {date}. Alte Treiber verursachen Probleme mit Anzeige, Dockingstation und Videoanrufen, die neuere beheben.',
    userSteps: ['Installieren Sie die Updates aus Windows Update, auch die optionalen Treiberupdates.'],
    itSteps: ['Den aktuellen Treiber des Geräteherstellers verteilen.'],
  },
};
