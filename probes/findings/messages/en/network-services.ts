import type { MessageCatalog } from '../../types';

/** English text of the network services findings, keyed by rule id. */
export const networkServicesMessagesEn: MessageCatalog = {
  'network.dns-all-dead': {
    fine: 'The internet can be reached',
    title: 'Names on the internet cannot be looked up',
    explanation:
      'None of the DNS servers this computer uses ({servers}) answers. Websites, e-mail and Teams all fail, even though the network connection itself may be fine.',
    userSteps: [
      'Disconnect from the network and connect again (or restart the router at home).',
      'If you use a VPN, disconnect it and connect again.',
    ],
    itSteps: [
      'Check the DNS servers handed out by DHCP or the VPN and whether they are reachable from this network (firewall, routing).',
    ],
  },
  'network.dns-server-dead': {
    title: 'One of the DNS servers does not answer ({server})',
    explanation:
      'Names are still found through {working}, but every lookup may first wait for the server that does not answer, so websites and apps open slowly.',
    userSteps: [],
    itSteps: ['Fix or remove {server} from the DNS servers given by DHCP, the VPN or the adapter settings.'],
  },
  'network.dns-slow': {
    title: 'The DNS server {server} answers slowly',
    explanation:
      'It takes about {medianMs, number} ms to answer (a healthy one needs well under 100 ms). Every website and app that connects waits that long first.',
    userSteps: [],
    itSteps: ['Check the load and upstream of {server}, or give this network a closer DNS server.'],
  },
  'network.dns-lying': {
    title: "The DNS server {server} says your organisation's names do not exist",
    explanation:
      'It answers "no such name" for {names}. This usually means the computer uses a home or public DNS server instead of the organisation\'s, so internal sites and sign-in fail.',
    userSteps: ['If you work from home or a hotel, connect to the VPN and try again.'],
    itSteps: [
      "Check the DNS servers on this connection and the VPN's split-DNS configuration for the organisation's zones.",
    ],
  },
  'network.dns-server-failing': {
    title: 'The DNS server {server} answers with errors',
    explanation:
      'It responds, but with an error (such as "server failure" or "refused") instead of an address, so some names cannot be looked up.',
    userSteps: [],
    itSteps: [
      "Check {server}'s logs and forwarders; a REFUSED answer often means this network is not allowed to query it.",
    ],
  },
  'network.dns-system-failing': {
    title: 'This computer cannot look up names although its DNS servers work',
    explanation:
      "The DNS servers answer when asked directly, but the computer's own name lookup fails for {names}. A hosts file entry, a security product or a stuck DNS client is often the cause.",
    userSteps: ['Restart the computer.'],
    itSteps: ['Check the hosts file, the DNS client service and any DNS filtering software on this device.'],
  },
  'network.captive-portal': {
    fine: 'The internet can be reached',
    title: 'This network wants you to sign in first',
    explanation:
      'The Wi-Fi you are on sends every website to its own sign-in page. Until you accept its terms or sign in, nothing else works.',
    userSteps: [
      'Open the sign-in page and sign in or accept its terms. (Or open a browser and go to any website, such as example.com: the sign-in page appears.)',
      'Then try again.',
    ],
    itSteps: [
      'The device is behind a captive portal (hotel, guest or public Wi-Fi); the VPN can connect only after the portal login.',
    ],
  },
  'network.proxy-unreachable': {
    fine: 'The internet can be reached',
    title: 'The proxy server does not answer ({proxy})',
    explanation:
      'This computer is set to reach the internet through a proxy, but the proxy does not accept connections, so websites and cloud apps fail.',
    userSteps: ['If you are away from the office, connect to the VPN and try again.'],
    itSteps: [
      'Check the proxy service at {proxy}, or the proxy settings deployed to this device (it may be set for the office network only).',
    ],
  },
  'network.proxy-sign-in': {
    fine: 'The internet can be reached',
    title: 'The proxy asks for a sign-in ({proxy})',
    explanation:
      'This computer reaches the internet through a proxy that wants to know who you are before it lets anything through. Apps that cannot sign in to it cannot reach the internet.',
    userSteps: [
      'Sign out of the computer and sign in again, so that your sign-in is fresh.',
      'If the browser asks for a user name and password for the proxy, use your work account.',
    ],
    itSteps: [
      'The proxy {proxy} answered HTTP 407 to the connectivity check, which sends no credentials. Check that the device may use the proxy with the signed-in user’s Kerberos/NTLM sign-in, or exempt the URLs the device needs (docs/helpdesks.md, "Proxies", for Triage itself).',
    ],
  },
  'network.pac-unreachable': {
    title: 'The proxy configuration file cannot be downloaded',
    explanation:
      'The computer is told to read its proxy settings from {pacUrl}, which does not answer. Some websites may fail or be slow.',
    userSteps: [],
    itSteps: [
      'Check that {pacUrl} is reachable from this network (and outside the office, whether it should be used at all).',
    ],
  },
  'network.no-internet': {
    fine: 'The internet can be reached',
    title: 'The internet cannot be reached',
    explanation:
      'A test page on the internet did not answer ({error}). Websites, e-mail and Teams will not work.',
    userSteps: [
      'Check that Wi-Fi is on and connected, or that the network cable is plugged in.',
      'Restart the router at home, or move closer to it.',
    ],
    itSteps: ['Look at the gateway, DHCP and DNS results in this report to find where the connection stops.'],
  },
  'network.internet-filtered': {
    fine: 'The internet can be reached',
    title: 'The internet answers, but not as expected',
    explanation:
      'A test page answered with something else (HTTP {status}). A web filter or a proxy may be blocking or changing traffic.',
    userSteps: [],
    itSteps: ["Check web filtering and proxy rules for {url}; the bundle has the answer's details."],
  },
  'network.target-poor': {
    title: 'The connection to {host} is unreliable',
    explanation:
      '{lossPercent, number} % of test packets were lost and answers took {avgMs, number} ms on average. Calls and video meetings will stutter or drop.',
    userSteps: ['If you are on Wi-Fi, move closer to the access point or use a network cable.'],
    itSteps: ['Trace the path to {host} for the link that loses packets or adds delay (Wi-Fi, uplink, VPN).'],
  },
  'network.clock-off': {
    fine: "The computer's clock is right",
    title: "The computer's clock is {minutes, plural, one {# minute} other {# minutes}} off",
    explanation:
      'When the clock is more than a few minutes wrong, signing in to Windows, file shares and cloud services fails (they reject requests at five minutes), and one-time codes stop working.',
    userSteps: [
      'Open the date and time settings and turn on "Set time automatically", then press "Sync now".',
    ],
    itSteps: [
      'Check the time service and its source (W32Time/chrony); in a domain the clock follows the domain controllers.',
    ],
  },
  'network.time-source-unreachable': {
    title: 'The time server does not answer',
    explanation:
      'The computer is set to get the time from {servers}, which did not answer. The clock is fine for now but will drift.',
    userSteps: [],
    itSteps: [
      'Check that {servers} is reachable from this network (UDP port 123 through firewalls and the VPN).',
    ],
  },
  'network.time-source-wrong': {
    fine: "The computer's clock is right",
    title: 'The time server {server} tells the wrong time',
    explanation:
      'Its clock is about {minutes, plural, one {# minute} other {# minutes}} away from the other time sources. Computers that follow it will get the wrong time and sign-in problems.',
    userSteps: [],
    itSteps: ['Fix the clock and upstream sources of {server}; check which devices use it.'],
  },
};
