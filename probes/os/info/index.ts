/**
 * os.info — which operating system and release this is, and whether it still gets security updates.
 */
import { join } from 'node:path';
import { defineProbe, type ProbeContext } from '../../types';
import { linuxInfo, macosInfo, windowsInfo, type OsInfoData } from './parse';

export type { OsInfoData } from './parse';

async function collectLinux(ctx: ProbeContext) {
  const [osRelease, hostname, kernel, arch, debianVersion] = await Promise.all([
    ctx.readFile('/etc/os-release'),
    ctx.readFile('/proc/sys/kernel/hostname'),
    ctx.readFile('/proc/sys/kernel/osrelease').catch(() => null),
    ctx.exec('uname', ['-m']).then(
      (r) => r.stdout,
      () => '',
    ),
    ctx.readFile('/etc/debian_version').catch(() => null),
  ]);
  return {
    data: linuxInfo(
      osRelease,
      { hostname: hostname.trim(), kernel: kernel?.trim() ?? null, arch, debianVersion, domain: null },
      ctx.now(),
    ),
  };
}

async function collectDarwin(ctx: ProbeContext) {
  const [swVers, hostname, kernel, arch] = await Promise.all([
    ctx.exec('sw_vers', []),
    ctx.exec('hostname', []),
    ctx.exec('uname', ['-r']).then(
      (r) => r.stdout.trim(),
      () => null,
    ),
    ctx.exec('uname', ['-m']),
  ]);
  return {
    data: macosInfo(
      swVers.stdout,
      { hostname: hostname.stdout.trim(), kernel, arch: arch.stdout },
      ctx.now(),
    ),
  };
}

async function collectWindows(ctx: ProbeContext) {
  return { data: windowsInfo(await ctx.powershell(join(__dirname, 'os-info.ps1')), ctx.now()) };
}

export const osInfoProbe = defineProbe<OsInfoData>({
  descriptor: {
    id: 'os.info',
    title: 'Operating system',
    description:
      'The operating system, its version, build and edition, the computer name, and whether this release still gets security updates (from vendor lifecycle dates).',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 5_000,
    fields: {
      name: {
        type: 'string',
        description: 'The OS as people call it ("Windows 11 Pro", "macOS 14.5", "Ubuntu 24.04.1 LTS").',
      },
      family: { type: 'string', enum: ['windows', 'macos', 'linux'], description: 'OS family.' },
      version: {
        type: 'string',
        description: 'Version (Windows: 23H2; macOS: 14.5; Linux: the distribution version).',
      },
      build: { type: 'string', nullable: true, description: 'Build (Windows: 22631.4460; macOS: 23F79).' },
      edition: {
        type: 'string',
        nullable: true,
        description: 'Windows EditionID (Professional, Enterprise…) or Linux distribution id.',
      },
      architecture: { type: 'string', description: 'x64, arm64, x86 or arm.' },
      kernel: { type: 'string', nullable: true, description: 'Kernel release (Linux, macOS).' },
      hostname: { type: 'string', sensitive: 'hostname', description: 'Computer name.' },
      domain: {
        type: 'string',
        nullable: true,
        sensitive: 'hostname',
        description: 'Active Directory domain the computer is joined to.',
      },
      supportStatus: {
        type: 'string',
        enum: ['supported', 'ending-soon', 'unsupported', 'unknown'],
        description: 'Whether this release still gets security updates.',
      },
      supportEndsOn: { type: 'string', nullable: true, description: 'Date security updates end (ISO date).' },
      supportNote: {
        type: 'string',
        nullable: true,
        description: 'Where the date comes from, and whether it is approximate.',
      },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
