/** The network probes, listed explicitly (nothing is discovered by scanning folders). */
import type { Probe } from '../types';
import { connectivityProbe, type ConnectivityData } from './connectivity';
import { dhcpProbe, type DhcpData } from './dhcp';
import { dnsProbe, type DnsData } from './dns';
import { gatewayProbe, type GatewayData } from './gateway';
import { interfacesProbe, type InterfacesData } from './interfaces';
import { ntpProbe, type NtpData } from './ntp';
import { vpnProbe, type VpnData } from './vpn';

export const networkProbes: readonly Probe[] = [
  interfacesProbe,
  gatewayProbe,
  dnsProbe,
  dhcpProbe,
  ntpProbe,
  connectivityProbe,
  vpnProbe,
];

/** Each network probe's data type, by id, for typed access in findings and tests. */
export interface NetworkData {
  'network.interfaces': InterfacesData;
  'network.gateway': GatewayData;
  'network.dns': DnsData;
  'network.dhcp': DhcpData;
  'network.ntp': NtpData;
  'network.connectivity': ConnectivityData;
  'network.vpn': VpnData;
}
