import type { MessageCatalog } from '../../types';

/** English text of the network link findings, keyed by rule id. */
export const networkLinkMessagesEn: MessageCatalog = {
  'network.no-default-route': {
    title: 'This computer has no way out of the local network',
    explanation: 'It has no default route, so it cannot reach the internet or the company network, only devices right next to it. Usually the network did not give it a complete address.',
    userSteps: ['Disconnect from the network and connect again.', 'Restart the computer if that does not help.'],
    itSteps: ['Check the DHCP scope options (router, option 3) and the adapter\'s static settings.'],
  },
  'network.gateway-unreachable': {
    title: 'The router does not answer ({gateway})',
    explanation: 'The device that connects this network to the rest of the world did not answer. If websites do not open either, the connection to the router is broken.',
    userSteps: ['Check the Wi-Fi connection or the network cable.', 'At home, restart the router.'],
    itSteps: ['Check the link to {gateway}; note that some routers are set not to answer echo requests.'],
  },
  'network.gateway-poor': {
    title: 'The connection to the router is poor',
    explanation: '{lossPercent} % of test packets to the router ({gateway}) were lost and answers took {avgMs} ms on average. Everything on the network will be slow and calls will break up.',
    userSteps: ['If you are on Wi-Fi, move closer to the access point or use a network cable.', 'Pause large downloads or uploads on this network.'],
    itSteps: ['Check Wi-Fi signal and channel load, or the cable and switch port, between this device and {gateway}.'],
  },
};
