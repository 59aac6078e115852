/**
 * os.reboot-pending — whether the computer needs a restart to finish installing something, and why.
 */
import { join } from 'node:path';
import { ProbeError } from '../../errors';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { optional } from '../../util/gaps';
import {
  kernelUpdated,
  macosPending,
  pendingFrom,
  windowsPending,
  type RebootPendingData,
  type RebootReason,
} from './parse';

export type { RebootPendingData } from './parse';

async function exists(ctx: ProbeContext, path: string): Promise<boolean> {
  try {
    await ctx.readFile(path, { maxBytes: 64 * 1024 });
    return true;
  } catch (error) {
    if (error instanceof ProbeError && error.code === 'not-found') return false;
    throw error;
  }
}

async function collectLinux(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const codes: RebootReason[] = [];
  // Debian/Ubuntu: update-notifier and unattended-upgrades create this file.
  if (await exists(ctx, '/var/run/reboot-required')) codes.push('packages');
  const [running, installed] = await Promise.all([
    ctx.exec('uname', ['-r']).then((r) => r.stdout.trim()),
    ctx.readDir('/lib/modules').catch(() => [] as string[]),
  ]);
  if (kernelUpdated(running, installed)) codes.push('kernel-updated');
  // RHEL and Fedora: needs-restarting -r exits 1 when a restart is needed (dnf-utils).
  const rhel = await optional(ctx, [], 'needs-restarting', () =>
    ctx.exec('needs-restarting', ['-r'], { okExitCodes: [0, 1] }),
  );
  if (rhel?.exitCode === 1) codes.push('needs-restarting');
  return { data: pendingFrom(codes), gaps };
}

async function collectDarwin(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  // World-readable record of macOS's own last background check; no network request.
  const recommended = await optional(ctx, gaps, 'recommendedUpdates', async () => {
    const result = await ctx.exec(
      'plutil',
      [
        '-extract',
        'RecommendedUpdates',
        'json',
        '-o',
        '-',
        '/Library/Preferences/com.apple.SoftwareUpdate.plist',
      ],
      { okExitCodes: [0, 1] },
    );
    return result.exitCode === 0 ? (JSON.parse(result.stdout) as unknown) : [];
  });
  return { data: macosPending(recommended ?? []), gaps };
}

async function collectWindows(ctx: ProbeContext) {
  return { data: windowsPending(await ctx.powershell(join(__dirname, 'os-reboot-pending.ps1'))) };
}

export const rebootPendingProbe = defineProbe<RebootPendingData>({
  descriptor: {
    id: 'os.reboot-pending',
    title: 'Pending restart',
    description:
      'Whether a restart is needed to finish installing updates or changes, and each reason: Windows servicing, Windows Update, pending file renames, a computer rename, ConfigMgr; Linux reboot-required and kernel updates; macOS updates waiting.',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 5_000,
    fields: {
      pending: { type: 'boolean', description: 'A restart is needed.' },
      reasons: {
        type: 'object[]',
        description: 'Each signal that says a restart is needed, with what it means.',
      },
      'reasons[].code': {
        type: 'string',
        enum: [
          'cbs',
          'windows-update',
          'file-rename',
          'computer-rename',
          'configmgr',
          'packages',
          'kernel-updated',
          'needs-restarting',
          'os-update',
        ],
        description: 'The signal that said so.',
      },
      'reasons[].description': { type: 'string', description: 'What it means.' },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
