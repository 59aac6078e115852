/**
 * Pure parsers for os.info: which OS, which release, and whether it still gets security updates.
 */
import { normalizeArchitecture } from '../../hardware/cpu/parse';
import { asInteger, asString, parseKeyValueLines, prop } from '../../util/parse';
import { supportStatus, type OsIdentity, type SupportStatus } from './lifecycle';

export interface OsInfoData {
  name: string;
  family: 'windows' | 'macos' | 'linux';
  version: string;
  build: string | null;
  edition: string | null;
  architecture: string;
  kernel: string | null;
  hostname: string;
  domain: string | null;
  supportStatus: SupportStatus;
  supportEndsOn: string | null;
  supportNote: string | null;
}

function withSupport(
  base: Omit<OsInfoData, 'supportStatus' | 'supportEndsOn' | 'supportNote'>,
  identity: OsIdentity,
  today: Date,
): OsInfoData {
  const verdict = supportStatus(identity, today);
  return { ...base, supportStatus: verdict.status, supportEndsOn: verdict.endsOn, supportNote: verdict.note };
}

/** Windows EditionID → the name people know. EditionIDs are fixed strings, not translated. */
const EDITIONS: Readonly<Record<string, string>> = {
  Core: 'Home',
  CoreSingleLanguage: 'Home Single Language',
  Professional: 'Pro',
  ProfessionalWorkstation: 'Pro for Workstations',
  ProfessionalEducation: 'Pro Education',
  Enterprise: 'Enterprise',
  Education: 'Education',
  EnterpriseS: 'Enterprise LTSC',
  IoTEnterpriseS: 'IoT Enterprise LTSC',
  ServerStandard: 'Standard',
  ServerDatacenter: 'Datacenter',
};

export function windowsChannel(editionId: string, productType: number | null): string {
  if (productType === 2 || productType === 3) return 'server';
  if (/^(IoT)?EnterpriseS/.test(editionId)) return 'ltsc';
  if (/^(Enterprise|Education|IoTEnterprise)/.test(editionId)) return 'enterprise';
  return 'home-pro';
}

/** JSON printed by os-info.ps1 (registry CurrentVersion, Win32_OperatingSystem, Win32_ComputerSystem). */
export function windowsInfo(json: unknown, today: Date): OsInfoData {
  const build = asString(prop(json, 'currentBuild')) ?? '0';
  const editionId = asString(prop(json, 'editionId')) ?? '';
  const productType = asInteger(prop(json, 'productType'));
  const server = productType === 2 || productType === 3;
  const edition = EDITIONS[editionId] ?? editionId;
  // The registry's ProductName still says "Windows 10" on Windows 11; the build number does not lie.
  const name = server
    ? (asString(prop(json, 'productName')) ?? `Windows Server ${edition}`)
    : `Windows ${Number(build) >= 22000 ? '11' : '10'} ${edition}`.trim();
  const ubr = asInteger(prop(json, 'ubr'));
  return withSupport(
    {
      name,
      family: 'windows',
      version: asString(prop(json, 'displayVersion')) ?? build,
      build: ubr === null ? build : `${build}.${ubr}`,
      edition: editionId || null,
      architecture: normalizeArchitecture(asString(prop(json, 'architecture')) ?? ''),
      kernel: null,
      hostname: asString(prop(json, 'hostname')) ?? '',
      domain: prop(json, 'partOfDomain') === true ? asString(prop(json, 'domain')) : null,
    },
    {
      family: 'windows',
      id: build,
      version: asString(prop(json, 'displayVersion')) ?? build,
      channel: windowsChannel(editionId, productType),
    },
    today,
  );
}

/** /etc/os-release: KEY="value" lines. */
export function parseOsRelease(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, raw] of parseKeyValueLines(text, '=')) values.set(key, raw.replace(/^"(.*)"$/, '$1'));
  return values;
}

export function linuxInfo(
  osRelease: string,
  parts: {
    hostname: string;
    kernel: string | null;
    arch: string;
    debianVersion: string | null;
    domain: string | null;
  },
  today: Date,
): OsInfoData {
  const release = parseOsRelease(osRelease);
  const id = (release.get('ID') ?? 'linux').toLowerCase();
  const versionId = release.get('VERSION_ID') ?? '';
  // Debian's point release ("12.12") is in /etc/debian_version, not os-release.
  const version =
    id === 'debian' && parts.debianVersion && /^\d+\.\d+/.test(parts.debianVersion)
      ? parts.debianVersion.trim()
      : versionId;
  return withSupport(
    {
      name: release.get('PRETTY_NAME') ?? release.get('NAME') ?? 'Linux',
      family: 'linux',
      version: version || 'unknown',
      build: null,
      edition: id,
      architecture: normalizeArchitecture(parts.arch),
      kernel: parts.kernel,
      hostname: parts.hostname,
      domain: parts.domain,
    },
    { family: 'linux', id, version: versionId, channel: null },
    today,
  );
}

/**
 * `sw_vers` prints ProductName, ProductVersion and BuildVersion as `Key:<tabs>value`; with a Rapid
 * Security Response installed also ProductVersionExtra, "(a)", which belongs to the version
 * technicians compare: 13.3.1 (a) is patched, 13.3.1 is not.
 */
export function macosInfo(
  swVers: string,
  parts: { hostname: string; kernel: string | null; arch: string },
  today: Date,
): OsInfoData {
  const values = parseKeyValueLines(swVers);
  const extra = values.get('ProductVersionExtra');
  const version = `${values.get('ProductVersion') ?? 'unknown'}${extra ? ` ${extra}` : ''}`;
  return withSupport(
    {
      name: `${values.get('ProductName') ?? 'macOS'} ${version}`,
      family: 'macos',
      version,
      build: values.get('BuildVersion') ?? null,
      edition: null,
      architecture: normalizeArchitecture(parts.arch),
      kernel: parts.kernel,
      hostname: parts.hostname,
      domain: null,
    },
    { family: 'macos', id: version.split('.')[0] ?? '', version, channel: null },
    today,
  );
}
