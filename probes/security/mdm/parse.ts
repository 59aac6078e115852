/**
 * Pure parsers for security.mdm: is this device managed, and how (Entra/AD join, MDM enrolment).
 */
import { asArray, asString, prop, parseKeyValueLines } from '../../util/parse';

export interface MdmData {
  /** Enrolled in a device management service. */
  managed: boolean | null;
  join: 'entra' | 'hybrid' | 'domain' | 'workplace' | 'none' | null;
  /** The MDM service the device is enrolled in (Windows, macOS), or the agents found (Linux). */
  mdm: string | null;
  /** Everything that manages the device: MDM, Configuration Manager, Group Policy, agents. */
  managedBy: string[];
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
  // MdmUrl is not enrolment: dsregcmd shows it whenever the tenant has automatic enrolment set up,
  // managed or not (Microsoft's dsregcmd troubleshooting page). Enrolment comes from the registry.
  return {
    managed: null,
    join,
    mdm: null,
    managedBy: join === 'domain' || join === 'hybrid' ? [GROUP_POLICY] : [],
    tenantName: values.get('TenantName') || null,
    deviceId: values.get('DeviceId') || null,
    primaryRefreshToken: yes('AzureAdPrt'),
    agents: [],
  };
}

const GROUP_POLICY = 'Active Directory (Group Policy)';

/** ProviderID values of the MDM services Windows enrolments name (Intune's is "MS DM Server"). */
const MDM_PROVIDERS: Readonly<Record<string, string>> = {
  'MS DM Server': 'Microsoft Intune',
  AirWatchMDM: 'Workspace ONE',
};

/**
 * A real MDM enrolment, as Fleet and the community scripts tell one: a ProviderID, a UPN and a
 * discovery URL. Not EnrollmentState: Microsoft does not document it, working enrolments show 1, 3
 * or 4, and a fake key with state 1 is a known trick. Local_Management is Windows' own local MDM.
 */
function isMdmEnrollment(entry: unknown): boolean {
  const provider = asString(prop(entry, 'providerId'));
  return (
    provider !== null &&
    provider !== 'Local_Management' &&
    prop(entry, 'hasUpn') === true &&
    asString(prop(entry, 'discoveryUrl')) !== null
  );
}

const AGENT_SERVICES: Readonly<Record<string, string>> = {
  IntuneManagementExtension: 'Intune Management Extension',
  CcmExec: 'Configuration Manager',
};

/**
 * Windows: dsregcmd's join state with what security-mdm.ps1 read — the MDM enrolments and the
 * management agents' services. `script` is null when the script could not run: then whether the
 * PC is enrolled stays unknown rather than "no".
 */
export function withWindowsManagement(join: MdmData, script: unknown): MdmData {
  if (script === null) return join;
  const enrolled = asArray(prop(script, 'enrollments'))
    .filter(isMdmEnrollment)
    .map((e) => asString(prop(e, 'providerId')))
    .filter((id): id is string => id !== null)
    .map((id) => MDM_PROVIDERS[id] ?? id);
  const agents = asArray(prop(script, 'agents'))
    .map((a) => AGENT_SERVICES[asString(prop(a, 'name')) ?? ''])
    .filter((name): name is string => name !== undefined);
  const mdm = [...new Set(enrolled)];
  const managedBy = [...new Set([...mdm, ...agents, ...join.managedBy])];
  return { ...join, managed: managedBy.length > 0, mdm: mdm.length ? mdm.join(', ') : null, managedBy };
}

/**
 * `profiles status -type enrollment`: "Enrolled via DEP: Yes", "MDM enrollment: Yes (User Approved)"
 * and, since macOS 11, "MDM server: https://mdm.example.com:8443/mdm/ServerURL" when enrolled.
 */
export function parseProfilesStatus(text: string): MdmData {
  const dep = /Enrolled via DEP:\s*(Yes|No)/i.exec(text)?.[1];
  const mdm = /MDM enrollment:\s*(Yes|No)(?:\s*\(([^)]+)\))?/i.exec(text);
  const serverUrl = /MDM server:\s*(\S+)/i.exec(text)?.[1];
  const server = serverUrl === undefined ? null : (URL.parse(serverUrl)?.host ?? serverUrl);
  const managed = mdm ? mdm[1]?.toLowerCase() === 'yes' : null;
  const how = [dep?.toLowerCase() === 'yes' ? 'Automated Device Enrollment' : null, mdm?.[2] ?? null].filter(
    (part): part is string => part !== null,
  );
  const name = managed
    ? `MDM${server ? ` at ${server}` : ''}${how.length ? ` (${how.join(', ')})` : ''}`
    : null;
  return {
    managed,
    join: null,
    mdm: name,
    managedBy: name ? [name] : [],
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
    managedBy: agents,
    tenantName: null,
    deviceId: null,
    primaryRefreshToken: null,
    agents,
  };
}
