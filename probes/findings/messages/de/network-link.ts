import type { MessageCatalog } from '../../types';

/** German text of the network link findings, keyed by rule id. */
export const networkLinkMessagesDe: MessageCatalog = {
  'network.no-default-route': {
    fine: 'Das Internet ist erreichbar',
    title: 'Dieser Computer kommt nicht aus dem lokalen Netz heraus',
    explanation:
      'Er hat keine Standardroute und erreicht deshalb weder das Internet noch das Firmennetz, nur Geräte in seiner direkten Umgebung. Meist hat das Netzwerk ihm keine vollständige Adresse gegeben.',
    userSteps: [
      'Trennen Sie die Netzwerkverbindung und verbinden Sie sich erneut.',
      'Starten Sie den Computer neu, wenn das nicht hilft.',
    ],
    itSteps: ['DHCP-Bereichsoptionen (Router, Option 3) und statische Einstellungen des Adapters prüfen.'],
  },
  'network.gateway-unreachable': {
    title: 'Der Router antwortet nicht ({gateway})',
    explanation:
      'Das Gerät, das dieses Netzwerk mit dem Rest der Welt verbindet, hat nicht geantwortet. Wenn sich auch keine Websites öffnen, ist die Verbindung zum Router gestört.',
    userSteps: [
      'Prüfen Sie die WLAN-Verbindung oder das Netzwerkkabel.',
      'Starten Sie zu Hause den Router neu.',
    ],
    itSteps: [
      'Die Verbindung zu {gateway} prüfen; manche Router sind so eingestellt, dass sie auf Echo-Anfragen nicht antworten.',
    ],
  },
  'network.gateway-poor': {
    title: 'Die Verbindung zum Router ist schlecht',
    explanation:
      '{lossPercent, number} % der Testpakete zum Router ({gateway}) gingen verloren und Antworten brauchten im Schnitt {avgMs, number} ms. Alles im Netzwerk wird langsam sein und Anrufe brechen ab.',
    userSteps: [
      'Wenn Sie über WLAN verbunden sind, gehen Sie näher an den Access Point oder nutzen Sie ein Netzwerkkabel.',
      'Unterbrechen Sie große Downloads oder Uploads in diesem Netzwerk.',
    ],
    itSteps: [
      'WLAN-Signal und Kanalauslastung oder Kabel und Switch-Port zwischen diesem Gerät und {gateway} prüfen.',
    ],
  },
  'network.not-connected': {
    fine: 'Das Internet ist erreichbar',
    title: 'Dieser Computer ist mit keinem Netzwerk verbunden',
    explanation:
      'Kein Netzwerkadapter ist verbunden, weder WLAN noch Kabel. Weder das Internet noch das Firmennetz sind erreichbar.',
    userSteps: [
      'Schalten Sie das WLAN ein und wählen Sie Ihr Netzwerk, oder stecken Sie das Netzwerkkabel ein.',
      'Prüfen Sie, ob der Flugmodus ausgeschaltet ist.',
    ],
    itSteps: ['Die Adapter im Paket prüfen: deaktiviert, nicht eingesteckt oder ein Treiberproblem.'],
  },
  'network.self-assigned-address': {
    fine: 'Das Internet ist erreichbar',
    title: 'Das Netzwerk hat diesem Computer keine Adresse gegeben',
    explanation:
      '{adapter} hat nur die Notfalladresse {address}, die sich Computer selbst geben, wenn niemand auf ihre Anfrage antwortet. Damit ist nichts jenseits dieses Kabels oder WLANs erreichbar.',
    userSteps: [
      'Trennen Sie die Verbindung und verbinden Sie sich erneut (oder stecken Sie das Kabel neu ein).',
      'Starten Sie zu Hause den Router neu.',
    ],
    itSteps: [
      'DHCP-Server und -Relay für dieses Netz prüfen (Bereich erschöpft, Server aus, Port-Security/802.1X).',
    ],
  },
  'network.wifi-weak': {
    title: 'Das WLAN-Signal ist schwach ({signal})',
    explanation:
      'Bei dieser Signalstärke bricht die Verbindung oft ab und wird langsam. Anrufe und Videos werden stocken.',
    userSteps: [
      'Gehen Sie näher an den WLAN-Access-Point oder Router, oder nutzen Sie ein Netzwerkkabel.',
      'Vermeiden Sie dicke Wände und Metall zwischen Ihnen und dem Access Point.',
    ],
    itSteps: ['WLAN-Abdeckung am Arbeitsplatz des Benutzers prüfen; einen weiteren Access Point erwägen.'],
  },
  'network.dhcp-lease-expired': {
    title: 'Die Netzwerkadresse von {adapter} ist abgelaufen',
    explanation:
      'Die Adresse, die das Netzwerk diesem Computer geliehen hat, ist abgelaufen, und der DHCP-Server ({server}) hat sie nicht verlängert. Die Verbindung kann jederzeit abbrechen.',
    userSteps: ['Trennen Sie die Netzwerkverbindung und verbinden Sie sich erneut.'],
    itSteps: [
      'DHCP-Server {server} prüfen: Läuft er, ist er über das Relay erreichbar, hat der Bereich freie Adressen?',
    ],
  },
  'network.dhcp-lease-ending': {
    title:
      'Die Netzwerkadresse von {adapter} endet in {minutesLeft, plural, one {# Minute} other {# Minuten}}',
    explanation:
      'Der Computer bittet den DHCP-Server ({server}) ohne Antwort, seine Adresse zu verlängern. Wenn die Zeit abläuft, bricht die Verbindung ab.',
    userSteps: [],
    itSteps: [
      'Prüfen, ob der DHCP-Server {server} Verlängerungen beantwortet (Unicast an den Server, dann Broadcast).',
    ],
  },
  'network.vpn-not-connected': {
    title: 'Verbinden Sie sich mit dem VPN ({vpn})',
    explanation:
      'Die internen Seiten Ihrer Organisation sind aus diesem Netzwerk nicht auffindbar, und das VPN, über das sie erreichbar sind, ist nicht verbunden.',
    userSteps: ['Öffnen Sie Ihre VPN-App, verbinden Sie sich und versuchen Sie es erneut.'],
    itSteps: [
      'Wenn sich das VPN selbst verbinden soll (Always On), Profil prüfen und warum es sich nicht verbunden hat.',
    ],
  },
};
