/** The security probes, listed explicitly (nothing is discovered by scanning folders). */
import type { Probe } from '../types';
import { accountsProbe, type AccountsData } from './accounts';
import { antivirusProbe, type AntivirusData } from './antivirus';
import { bootProbe, type BootData } from './boot';
import { encryptionProbe, type EncryptionData } from './encryption';
import { firewallProbe, type FirewallData } from './firewall';
import { mdmProbe, type MdmData } from './mdm';

export const securityProbes: readonly Probe[] = [
  antivirusProbe,
  firewallProbe,
  encryptionProbe,
  bootProbe,
  mdmProbe,
  accountsProbe,
];

/** Each security probe's data type, by id, for typed access in findings and tests. */
export interface SecurityData {
  'security.antivirus': AntivirusData;
  'security.firewall': FirewallData;
  'security.encryption': EncryptionData;
  'security.boot': BootData;
  'security.mdm': MdmData;
  'security.accounts': AccountsData;
}
