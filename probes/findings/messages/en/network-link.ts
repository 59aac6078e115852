import type { MessageCatalog } from '../../types';

/** English text of the network link findings, keyed by rule id. */
export const networkLinkMessagesEn: MessageCatalog = {
  'network.no-default-route': {
    fine: 'The internet can be reached',
    title: 'This computer has no way out of the local network',
    explanation:
      'It has no default route, so it cannot reach the internet or the company network, only devices right next to it. Usually the network did not give it a complete address.',
    userSteps: [
      'Disconnect from the network and connect again.',
      'Restart the computer if that does not help.',
    ],
    itSteps: ["Check the DHCP scope options (router, option 3) and the adapter's static settings."],
  },
  'network.gateway-unreachable': {
    title: 'The router does not answer ({gateway})',
    explanation:
      'The device that connects this network to the rest of the world did not answer. If websites do not open either, the connection to the router is broken.',
    userSteps: ['Check the Wi-Fi connection or the network cable.', 'At home, restart the router.'],
    itSteps: ['Check the link to {gateway}; note that some routers are set not to answer echo requests.'],
  },
  'network.gateway-poor': {
    title: 'The connection to the router is poor',
    explanation:
      '{lossPercent, number} % of test packets to the router ({gateway}) were lost and answers took {avgMs, number} ms on average. Everything on the network will be slow and calls will break up.',
    userSteps: [
      'If you are on Wi-Fi, move closer to the access point or use a network cable.',
      'Pause large downloads or uploads on this network.',
    ],
    itSteps: [
      'Check Wi-Fi signal and channel load, or the cable and switch port, between this device and {gateway}.',
    ],
  },
  'network.not-connected': {
    fine: 'The internet can be reached',
    title: 'This computer is not connected to any network',
    explanation:
      'No network adapter is connected: neither Wi-Fi nor a cable. Nothing on the internet or the company network can be reached.',
    userSteps: [
      'Turn Wi-Fi on and choose your network, or plug in the network cable.',
      'Check that flight mode is off.',
    ],
    itSteps: ['Check the adapters in the bundle: disabled, unplugged, or a driver problem.'],
  },
  'network.self-assigned-address': {
    fine: 'The internet can be reached',
    title: 'The network did not give this computer an address',
    explanation:
      '{adapter} only has the emergency address {address}, which computers give themselves when nobody answers their request. With it, nothing beyond this cable or Wi-Fi can be reached.',
    userSteps: [
      'Disconnect and connect again (or unplug and replug the cable).',
      'At home, restart the router.',
    ],
    itSteps: [
      'Check the DHCP server and relay for this network (scope exhausted, server down, port security/802.1X).',
    ],
  },
  'network.wifi-weak': {
    title: 'The Wi-Fi signal is weak ({signal})',
    explanation:
      'At this signal strength the connection drops often and becomes slow. Calls and video will break up.',
    userSteps: [
      'Move closer to the Wi-Fi access point or router, or use a network cable.',
      'Avoid thick walls and metal between you and the access point.',
    ],
    itSteps: ['Check Wi-Fi coverage where the user works; consider another access point.'],
  },
  'network.dhcp-lease-expired': {
    title: 'The network address of {adapter} has run out',
    explanation:
      'The address the network lent this computer has expired and the DHCP server ({server}) did not renew it. The connection can stop at any moment.',
    userSteps: ['Disconnect from the network and connect again.'],
    itSteps: [
      'Check the DHCP server {server}: is it running, reachable through the relay, and does the scope have free addresses?',
    ],
  },
  'network.dhcp-lease-ending': {
    title: 'The network address of {adapter} ends in {minutesLeft, plural, one {# minute} other {# minutes}}',
    explanation:
      'The computer has been asking the DHCP server ({server}) to extend its address without an answer. When the time runs out, the connection stops.',
    userSteps: [],
    itSteps: [
      'Check that the DHCP server {server} answers renewals (unicast to the server, then broadcast).',
    ],
  },
  'network.vpn-not-connected': {
    title: 'Connect to the VPN ({vpn})',
    explanation:
      "Your organisation's internal sites cannot be found from this network, and the VPN that reaches them is not connected.",
    userSteps: ['Open your VPN app and connect, then try again.'],
    itSteps: [
      'If the VPN should connect by itself (Always On), check its profile and why it did not connect.',
    ],
  },
};
