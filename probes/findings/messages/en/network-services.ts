import type { MessageCatalog } from '../../types';

/** English text of the network services findings, keyed by rule id. */
export const networkServicesMessagesEn: MessageCatalog = {
  'network.dns-all-dead': {
    title: 'Names on the internet cannot be looked up',
    explanation: 'None of the DNS servers this computer uses ({servers}) answers. Websites, e-mail and Teams all fail, even though the network connection itself may be fine.',
    userSteps: ['Disconnect from the network and connect again (or restart the router at home).', 'If you use a VPN, disconnect it and connect again.'],
    itSteps: ['Check the DNS servers handed out by DHCP or the VPN and whether they are reachable from this network (firewall, routing).'],
  },
  'network.dns-server-dead': {
    title: 'One of the DNS servers does not answer ({server})',
    explanation: 'Names are still found through {working}, but every lookup may first wait for the server that does not answer, so websites and apps open slowly.',
    userSteps: [],
    itSteps: ['Fix or remove {server} from the DNS servers given by DHCP, the VPN or the adapter settings.'],
  },
  'network.dns-slow': {
    title: 'The DNS server {server} answers slowly',
    explanation: 'It takes about {medianMs} ms to answer (a healthy one needs well under 100 ms). Every website and app that connects waits that long first.',
    userSteps: [],
    itSteps: ['Check the load and upstream of {server}, or give this network a closer DNS server.'],
  },
  'network.dns-lying': {
    title: 'The DNS server {server} says your organisation\'s names do not exist',
    explanation: 'It answers "no such name" for {names}. This usually means the computer uses a home or public DNS server instead of the organisation\'s, so internal sites and sign-in fail.',
    userSteps: ['If you work from home or a hotel, connect to the VPN and try again.'],
    itSteps: ['Check the DNS servers on this connection and the VPN\'s split-DNS configuration for the organisation\'s zones.'],
  },
  'network.dns-server-failing': {
    title: 'The DNS server {server} answers with errors',
    explanation: 'It responds, but with an error (such as "server failure" or "refused") instead of an address, so some names cannot be looked up.',
    userSteps: [],
    itSteps: ['Check {server}\'s logs and forwarders; a REFUSED answer often means this network is not allowed to query it.'],
  },
  'network.dns-system-failing': {
    title: 'This computer cannot look up names although its DNS servers work',
    explanation: 'The DNS servers answer when asked directly, but the computer\'s own name lookup fails for {names}. A hosts file entry, a security product or a stuck DNS client is often the cause.',
    userSteps: ['Restart the computer.'],
    itSteps: ['Check the hosts file, the DNS client service and any DNS filtering software on this device.'],
  },
};
