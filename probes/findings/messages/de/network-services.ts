import type { MessageCatalog } from '../../types';

/** German text of the network services findings, keyed by rule id. */
export const networkServicesMessagesDe: MessageCatalog = {
  'network.dns-all-dead': {
    fine: 'Das Internet ist erreichbar',
    title: 'Namen im Internet können nicht aufgelöst werden',
    explanation:
      'Keiner der DNS-Server dieses Computers ({servers}) antwortet. Websites, E-Mail und Teams funktionieren nicht, auch wenn die Netzwerkverbindung selbst in Ordnung sein kann.',
    userSteps: [
      'Trennen Sie die Netzwerkverbindung und verbinden Sie sich erneut (oder starten Sie zu Hause den Router neu).',
      'Wenn Sie ein VPN nutzen, trennen Sie es und verbinden Sie sich erneut.',
    ],
    itSteps: [
      'Die per DHCP oder VPN verteilten DNS-Server prüfen und ob sie aus diesem Netz erreichbar sind (Firewall, Routing).',
    ],
  },
  'network.dns-server-dead': {
    title: 'Einer der DNS-Server antwortet nicht ({server})',
    explanation:
      'Namen werden weiterhin über {working} gefunden, aber jede Abfrage wartet womöglich zuerst auf den Server, der nicht antwortet. Websites und Apps öffnen sich deshalb langsam.',
    userSteps: [],
    itSteps: [
      '{server} reparieren oder aus den DNS-Servern von DHCP, VPN oder Adaptereinstellungen entfernen.',
    ],
  },
  'network.dns-slow': {
    title: 'Der DNS-Server {server} antwortet langsam',
    explanation:
      'Er braucht etwa {medianMs, number} ms für eine Antwort (ein gesunder braucht deutlich unter 100 ms). Jede Website und App wartet zuerst so lange.',
    userSteps: [],
    itSteps: ['Last und Weiterleitung von {server} prüfen oder diesem Netz einen näheren DNS-Server geben.'],
  },
  'network.dns-lying': {
    title: 'Der DNS-Server {server} behauptet, die Namen Ihrer Organisation gäbe es nicht',
    explanation:
      'Er antwortet „Name existiert nicht“ für {names}. Meist nutzt der Computer dann einen privaten oder öffentlichen DNS-Server statt dem der Organisation, und interne Seiten und die Anmeldung schlagen fehl.',
    userSteps: [
      'Wenn Sie von zu Hause oder aus einem Hotel arbeiten, verbinden Sie sich mit dem VPN und versuchen Sie es erneut.',
    ],
    itSteps: [
      'Die DNS-Server dieser Verbindung und die Split-DNS-Konfiguration des VPN für die Zonen der Organisation prüfen.',
    ],
  },
  'network.dns-server-failing': {
    title: 'Der DNS-Server {server} antwortet mit Fehlern',
    explanation:
      'Er antwortet, aber mit einem Fehler (etwa „Serverfehler“ oder „abgelehnt“) statt einer Adresse, deshalb lassen sich manche Namen nicht auflösen.',
    userSteps: [],
    itSteps: [
      'Protokolle und Weiterleitungen von {server} prüfen; REFUSED bedeutet oft, dass dieses Netz ihn nicht abfragen darf.',
    ],
  },
  'network.dns-system-failing': {
    title: 'Dieser Computer kann keine Namen auflösen, obwohl seine DNS-Server funktionieren',
    explanation:
      'Die DNS-Server antworten bei direkter Anfrage, aber die eigene Namensauflösung des Computers scheitert für {names}. Häufige Ursachen sind ein Eintrag in der hosts-Datei, ein Sicherheitsprodukt oder ein hängender DNS-Client.',
    userSteps: ['Starten Sie den Computer neu.'],
    itSteps: ['hosts-Datei, den DNS-Client-Dienst und DNS-Filtersoftware auf diesem Gerät prüfen.'],
  },
  'network.captive-portal': {
    fine: 'Das Internet ist erreichbar',
    title: 'Dieses Netzwerk verlangt zuerst eine Anmeldung',
    explanation:
      'Das WLAN, mit dem Sie verbunden sind, leitet jede Website auf seine eigene Anmeldeseite um. Bis Sie sich anmelden oder die Bedingungen akzeptieren, funktioniert nichts anderes.',
    userSteps: [
      'Öffnen Sie die Anmeldeseite und melden Sie sich an oder akzeptieren Sie die Bedingungen. (Oder öffnen Sie einen Browser und rufen Sie eine beliebige Website auf, z. B. example.com: Die Anmeldeseite erscheint.)',
      'Versuchen Sie es danach erneut.',
    ],
    itSteps: [
      'Das Gerät steht hinter einem Captive Portal (Hotel-, Gast- oder öffentliches WLAN); das VPN verbindet sich erst nach der Portal-Anmeldung.',
    ],
  },
  'network.proxy-unreachable': {
    fine: 'Das Internet ist erreichbar',
    title: 'Der Proxyserver antwortet nicht ({proxy})',
    explanation:
      'Dieser Computer soll das Internet über einen Proxy erreichen, aber der Proxy nimmt keine Verbindungen an. Websites und Cloud-Apps schlagen deshalb fehl.',
    userSteps: ['Wenn Sie nicht im Büro sind, verbinden Sie sich mit dem VPN und versuchen Sie es erneut.'],
    itSteps: [
      'Den Proxydienst unter {proxy} prüfen oder die auf dieses Gerät verteilten Proxyeinstellungen (sie gelten womöglich nur im Büronetz).',
    ],
  },
  'network.proxy-sign-in': {
    fine: 'Das Internet ist erreichbar',
    title: 'Der Proxy verlangt eine Anmeldung ({proxy})',
    explanation:
      'Dieser Computer erreicht das Internet über einen Proxy, der wissen will, wer Sie sind, bevor er etwas durchlässt. Apps, die sich dort nicht anmelden können, erreichen das Internet nicht.',
    userSteps: [
      'Melden Sie sich vom Computer ab und wieder an, damit Ihre Anmeldung frisch ist.',
      'Fragt der Browser nach Benutzername und Kennwort für den Proxy, verwenden Sie Ihr Arbeitskonto.',
    ],
    itSteps: [
      'Der Proxy {proxy} hat die Verbindungsprüfung, die keine Anmeldedaten sendet, mit HTTP 407 beantwortet. Prüfen, ob das Gerät den Proxy mit der Kerberos/NTLM-Anmeldung des angemeldeten Benutzers nutzen darf, oder die benötigten Adressen ausnehmen (für Triage selbst: docs/helpdesks.md, „Proxies“).',
    ],
  },
  'network.pac-unreachable': {
    title: 'Die Proxy-Konfigurationsdatei kann nicht geladen werden',
    explanation:
      'Der Computer soll seine Proxyeinstellungen von {pacUrl} lesen, aber diese Adresse antwortet nicht. Manche Websites schlagen womöglich fehl oder sind langsam.',
    userSteps: [],
    itSteps: [
      'Prüfen, ob {pacUrl} aus diesem Netz erreichbar ist (und außerhalb des Büros, ob sie überhaupt genutzt werden soll).',
    ],
  },
  'network.no-internet': {
    fine: 'Das Internet ist erreichbar',
    title: 'Das Internet ist nicht erreichbar',
    explanation:
      'Eine Testseite im Internet hat nicht geantwortet ({error}). Websites, E-Mail und Teams funktionieren nicht.',
    userSteps: [
      'Prüfen Sie, ob das WLAN eingeschaltet und verbunden oder das Netzwerkkabel eingesteckt ist.',
      'Starten Sie zu Hause den Router neu oder gehen Sie näher heran.',
    ],
    itSteps: [
      'Anhand der Ergebnisse zu Gateway, DHCP und DNS in diesem Bericht ermitteln, wo die Verbindung endet.',
    ],
  },
  'network.internet-filtered': {
    fine: 'Das Internet ist erreichbar',
    title: 'Das Internet antwortet, aber nicht wie erwartet',
    explanation:
      'Eine Testseite hat etwas anderes geliefert (HTTP {status}). Ein Webfilter oder ein Proxy blockiert oder verändert womöglich den Datenverkehr.',
    userSteps: [],
    itSteps: ['Webfilter- und Proxyregeln für {url} prüfen; das Paket enthält die Einzelheiten der Antwort.'],
  },
  'network.target-poor': {
    title: 'Die Verbindung zu {host} ist unzuverlässig',
    explanation:
      '{lossPercent, number} % der Testpakete gingen verloren und Antworten brauchten im Schnitt {avgMs, number} ms. Anrufe und Videobesprechungen werden stocken oder abbrechen.',
    userSteps: [
      'Wenn Sie über WLAN verbunden sind, gehen Sie näher an den Access Point oder nutzen Sie ein Netzwerkkabel.',
    ],
    itSteps: [
      'Den Weg zu {host} auf die Verbindung untersuchen, die Pakete verliert oder Verzögerung hinzufügt (WLAN, Uplink, VPN).',
    ],
  },
  'network.clock-off': {
    fine: 'Die Uhr des Computers geht richtig',
    title: 'Die Uhr des Computers geht {minutes, plural, one {# Minute} other {# Minuten}} falsch',
    explanation:
      'Wenn die Uhr mehr als ein paar Minuten falsch geht, schlägt die Anmeldung bei Windows, Dateifreigaben und Cloud-Diensten fehl (sie lehnen Anfragen ab fünf Minuten ab), und Einmalcodes funktionieren nicht mehr.',
    userSteps: [
      'Öffnen Sie die Datums- und Uhrzeiteinstellungen, schalten Sie „Uhrzeit automatisch festlegen“ ein und klicken Sie auf „Jetzt synchronisieren“.',
    ],
    itSteps: [
      'Zeitdienst und Zeitquelle prüfen (W32Time/chrony); in einer Domäne folgt die Uhr den Domänencontrollern.',
    ],
  },
  'network.time-source-unreachable': {
    title: 'Der Zeitserver antwortet nicht',
    explanation:
      'Der Computer soll die Uhrzeit von {servers} beziehen, aber dieser hat nicht geantwortet. Die Uhr stimmt vorerst, wird aber abweichen.',
    userSteps: [],
    itSteps: [
      'Prüfen, ob {servers} aus diesem Netz erreichbar ist (UDP-Port 123 durch Firewalls und das VPN).',
    ],
  },
  'network.time-source-wrong': {
    fine: 'Die Uhr des Computers geht richtig',
    title: 'Der Zeitserver {server} liefert die falsche Uhrzeit',
    explanation:
      'Seine Uhr weicht etwa {minutes, plural, one {# Minute} other {# Minuten}} von den anderen Zeitquellen ab. Computer, die ihm folgen, bekommen die falsche Uhrzeit und Anmeldeprobleme.',
    userSteps: [],
    itSteps: ['Uhr und übergeordnete Quellen von {server} korrigieren; prüfen, welche Geräte ihn nutzen.'],
  },
};
