/**
 * Pure parsers for security.mdm: is this device managed, and how (Entra/AD join, MDM enrolment).
 */
import { parseKeyValueLines } from '../../util/parse';

export interface MdmData {
  /** Enrolled in a device management service. */
  managed: boolean | null;
  join: 'entra' | 'hybrid' | 'domain' | 'workplace' | 'none' | null;
  /** The management service: its enrolment URL (Windows), "MDM (user approved)" (macOS), or agents found (Linux). */
  mdm: string | null;
  tenantName: string | null;
  deviceId: string | null;
  /** Windows: a Primary Refresh Token exists (single sign-on to Microsoft 365 works). */
  primaryRefreshToken: boolean | null;
  agents: string[];
}

/**
 * `dsregcmd /status`: "Key : Value" lines whose keys are not translated (Microsoft documents them in
 * "Troubleshoot devices by using the dsregcmd command").
 */
export function parseDsregcmd(text: string): MdmData {
  const values = new Map<string, string>();
  for (const [key, value] of parseKeyValueLines(text, ':')) values.set(key.trim(), value.trim());
  const yes = (key: string): boolean | null =>
    values.has(key) ? values.get(key)?.toUpperCase() === 'YES' : null;
  const entra = yes('AzureAdJoined');
  const domain = yes('DomainJoined');
  const workplace = yes('WorkplaceJoined');
  const join: MdmData['join'] =
    entra && domain
      ? 'hybrid'
      : entra
        ? 'entra'
        : domain
          ? 'domain'
          : workplace
            ? 'workplace'
            : entra === null && domain === null
              ? null
              : 'none';
  const mdmUrl = values.get('MdmUrl') || null;
  return {
    managed: mdmUrl !== null ? true : entra === null ? null : false,
    join,
    mdm: mdmUrl,
    tenantName: values.get('TenantName') || null,
    deviceId: values.get('DeviceId') || null,
    primaryRefreshToken: yes('AzureAdPrt'),
    agents: [],
  };
}

/** `profiles status -type enrollment`: "Enrolled via DEP: Yes" and "MDM enrollment: Yes (User Approved)". */
export function parseProfilesStatus(text: string): MdmData {
  const dep = /Enrolled via DEP:\s*(Yes|No)/i.exec(text)?.[1];
  const mdm = /MDM enrollment:\s*(Yes|No)(?:\s*\(([^)]+)\))?/i.exec(text);
  const managed = mdm ? mdm[1]?.toLowerCase() === 'yes' : null;
  return {
    managed,
    join: null,
    mdm: managed
      ? `MDM${dep?.toLowerCase() === 'yes' ? ', Automated Device Enrollment' : ''}${mdm?.[2] ? ` (${mdm[2]})` : ''}`
      : null,
    tenantName: null,
    deviceId: null,
    primaryRefreshToken: null,
    agents: [],
  };
}

export function noneFound(agents: string[]): MdmData {
  return {
    managed: agents.length > 0,
    join: null,
    mdm: agents.length ? agents.join(', ') : null,
    tenantName: null,
    deviceId: null,
    primaryRefreshToken: null,
    agents,
  };
}
