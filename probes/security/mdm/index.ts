/**
 * security.mdm — whether this device is managed: Entra ID / Active Directory join, MDM enrolment
 * (Intune or another), the Primary Refresh Token Windows needs for single sign-on; on Linux, the
 * management agents that exist.
 */
import { join } from 'node:path';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { windowsSystemProgram } from '../../system/windows-paths';
import { ifPresent, optional } from '../../util/gaps';
import { gapsFromScript } from '../../util/script-errors';
import { noneFound, parseDsregcmd, parseProfilesStatus, withWindowsManagement, type MdmData } from './parse';

export type { MdmData } from './parse';

/** Linux management agents, recognised by their install folders. */
const LINUX_AGENTS: readonly { readonly path: string; readonly name: string }[] = [
  { path: '/opt/microsoft/intune', name: 'Microsoft Intune' },
  { path: '/etc/sssd', name: 'SSSD (directory join)' },
  { path: '/etc/puppetlabs', name: 'Puppet' },
  { path: '/etc/chef', name: 'Chef' },
  { path: '/etc/salt', name: 'Salt' },
  { path: '/etc/landscape', name: 'Landscape' },
];

async function collectLinux(ctx: ProbeContext) {
  const found = await Promise.all(
    LINUX_AGENTS.map(async (agent) =>
      (await ifPresent(ctx, () => ctx.readDir(agent.path))) ? agent.name : null,
    ),
  );
  return { data: noneFound(found.filter((a): a is string => a !== null)) };
}

async function collectDarwin(ctx: ProbeContext) {
  return {
    data: parseProfilesStatus((await ctx.exec('profiles', ['status', '-type', 'enrollment'])).stdout),
  };
}

async function collectWindows(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  // dsregcmd's key names are fixed (not translated), so its text output is safe to parse. Started by
  // absolute path: a dsregcmd.exe in the current folder must not stand in for Windows' own.
  const [dsregcmd, script] = await Promise.all([
    ctx.exec(
      windowsSystemProgram('dsregcmd.exe', (name) => ctx.env(name)),
      ['/status'],
    ),
    optional(ctx, gaps, 'MDM enrolments and management agents', async () => {
      const json = await ctx.powershell(join(__dirname, 'security-mdm.ps1'));
      gaps.push(...gapsFromScript(json));
      return json;
    }),
  ]);
  return { data: withWindowsManagement(parseDsregcmd(dsregcmd.stdout), script), gaps };
}

export const mdmProbe = defineProbe<MdmData>({
  descriptor: {
    id: 'security.mdm',
    title: 'Device management',
    description:
      'Whether this computer is joined to the organisation (Entra ID, Active Directory) and enrolled in device management, and whether single sign-on has its token.',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 8_000,
    fields: {
      managed: {
        type: 'boolean',
        nullable: true,
        description:
          'Managed by something: enrolled in MDM, a management agent, or Group Policy through a domain join (Linux: an agent is present).',
      },
      join: {
        type: 'string',
        nullable: true,
        enum: ['entra', 'hybrid', 'domain', 'workplace', 'none'],
        description: 'How the device is joined (Windows).',
      },
      mdm: {
        type: 'string',
        nullable: true,
        description:
          'The MDM service the device is enrolled in (Windows: from its enrolment, e.g. Microsoft Intune).',
      },
      managedBy: {
        type: 'string[]',
        description:
          'Everything that manages the device: MDM, Intune Management Extension, Configuration Manager, Active Directory (Group Policy); Linux: agents.',
      },
      tenantName: {
        type: 'string',
        nullable: true,
        sensitive: 'identifier',
        description: 'The Entra ID tenant.',
      },
      deviceId: {
        type: 'string',
        nullable: true,
        sensitive: 'identifier',
        description: 'The Entra ID device id.',
      },
      primaryRefreshToken: {
        type: 'boolean',
        nullable: true,
        description: 'Windows holds a Primary Refresh Token (single sign-on works).',
      },
      agents: { type: 'string[]', description: 'Management agents found (Linux).' },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
