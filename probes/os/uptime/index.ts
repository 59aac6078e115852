/**
 * os.uptime — when the computer last started, and (Windows) whether Fast Startup hides that.
 */
import { join } from 'node:path';
import { ProbeError } from '../../errors';
import { defineProbe, type ProbeContext } from '../../types';
import { linuxUptime, macosUptime, windowsUptime, type UptimeData } from './parse';

export type { UptimeData } from './parse';

const unreadable = (what: string): ProbeError =>
  new ProbeError('parse-error', `${what} did not give a boot time Triage can read.`);

export const uptimeProbe = defineProbe<UptimeData>({
  descriptor: {
    id: 'os.uptime',
    title: 'Uptime',
    description:
      'When the computer last started and how long it has been running; on Windows also whether Fast Startup is on, because then "Shut down" does not restart Windows.',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 5_000,
    fields: {
      bootTime: { type: 'string', description: 'When the OS last started (ISO 8601).' },
      uptimeSeconds: { type: 'integer', unit: 'seconds', description: 'Time since then.' },
      fastStartupEnabled: {
        type: 'boolean',
        nullable: true,
        description: 'Windows Fast Startup (hybrid shutdown) is on.',
      },
    },
  },
  collectors: {
    linux: async (ctx: ProbeContext) => ({
      data: linuxUptime(await ctx.readFile('/proc/uptime'), ctx.now()),
    }),
    darwin: async (ctx: ProbeContext) => {
      const data = macosUptime((await ctx.exec('sysctl', ['-n', 'kern.boottime'])).stdout, ctx.now());
      if (!data) throw unreadable('sysctl kern.boottime');
      return { data };
    },
    win32: async (ctx: ProbeContext) => {
      const data = windowsUptime(await ctx.powershell(join(__dirname, 'os-uptime.ps1')), ctx.now());
      if (!data) throw unreadable('os-uptime.ps1');
      return { data };
    },
  },
});
