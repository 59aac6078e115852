/**
 * The checks' names as people read them, per language: the checking screen, the review, and
 * findings that name checks ("Some checks could not finish: DNS and Time servers") use these, never
 * the ids. A test keeps one name per probe in every language.
 */
import type { Locale } from './findings/messages';

export const CHECK_NAMES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    'hardware.disks': 'Disks',
    'hardware.display': 'Graphics and displays',
    'hardware.cpu': 'Processor',
    'hardware.battery': 'Battery',
    'hardware.memory': 'Memory',
    'os.info': 'Operating system',
    'os.uptime': 'Time since the last restart',
    'os.reboot-pending': 'Waiting restart',
    'os.updates': 'Updates',
    'os.processes': 'Busiest programs',
    'os.events': 'Errors and crashes',
    'os.time': 'Date and time',
    'network.interfaces': 'Network adapters',
    'network.gateway': 'Router',
    'network.dhcp': 'Network address',
    'network.vpn': 'VPN',
    'network.dns': 'Name lookup',
    'network.ntp': 'Time servers',
    'network.connectivity': 'Internet connection',
    'security.antivirus': 'Virus protection',
    'security.firewall': 'Firewall',
    'security.encryption': 'Disk encryption',
    'security.boot': 'Secure start-up',
    'security.mdm': 'Device management',
    'security.accounts': 'User account and screen lock',
  },
  de: {
    'hardware.disks': 'Laufwerke',
    'hardware.display': 'Grafik und Bildschirme',
    'hardware.cpu': 'Prozessor',
    'hardware.battery': 'Akku',
    'hardware.memory': 'Arbeitsspeicher',
    'os.info': 'Betriebssystem',
    'os.uptime': 'Zeit seit dem letzten Neustart',
    'os.reboot-pending': 'Ausstehender Neustart',
    'os.updates': 'Updates',
    'os.processes': 'Programme mit der höchsten Last',
    'os.events': 'Fehler und Abstürze',
    'os.time': 'Datum und Uhrzeit',
    'network.interfaces': 'Netzwerkadapter',
    'network.gateway': 'Router',
    'network.dhcp': 'Netzwerkadresse',
    'network.vpn': 'VPN',
    'network.dns': 'Namensauflösung',
    'network.ntp': 'Zeitserver',
    'network.connectivity': 'Internetverbindung',
    'security.antivirus': 'Virenschutz',
    'security.firewall': 'Firewall',
    'security.encryption': 'Laufwerksverschlüsselung',
    'security.boot': 'Sicherer Start',
    'security.mdm': 'Geräteverwaltung',
    'security.accounts': 'Benutzerkonto und Bildschirmsperre',
  },
};

/**
 * The name of check `id` in `locale`; English when that language lacks it, and the id itself for a
 * check this Triage does not know (a bundle from a newer version).
 */
export function checkName(id: string, locale: Locale): string {
  return CHECK_NAMES[locale][id] ?? CHECK_NAMES.en[id] ?? id;
}
