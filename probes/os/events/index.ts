/**
 * os.events — critical and error events or crashes of the last 24 hours: counts, notable kinds
 * (unexpected shutdowns, blue screens, app crashes and hangs, disk and hardware errors) and the most
 * recent items.
 */
import { join } from 'node:path';
import { ProbeError } from '../../errors';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import {
  parseDiagnosticReports,
  parseJournal,
  parseWindowsEvents,
  WINDOW_HOURS,
  type EventsData,
} from './parse';
import { gapsFromScript } from '../../util/script-errors';

export type { EventsData } from './parse';

async function collectLinux(ctx: ProbeContext) {
  // At most 500 entries: enough to count and show what matters, bounded on a noisy machine.
  const out = await ctx.exec('journalctl', [
    '-p',
    '3',
    '--since',
    `-${WINDOW_HOURS}h`,
    '-o',
    'json',
    '--no-pager',
    '-n',
    '500',
  ]);
  return { data: parseJournal(out.stdout) };
}

async function collectDarwin(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const home = ctx.env('HOME');
  const folders = [
    '/Library/Logs/DiagnosticReports',
    ...(home ? [`${home}/Library/Logs/DiagnosticReports`] : []),
  ];
  const names: string[] = [];
  for (const folder of folders) {
    try {
      names.push(...(await ctx.readDir(folder)));
    } catch (error) {
      if (ctx.signal.aborted || !(error instanceof ProbeError)) throw error;
      if (error.code !== 'not-found') gaps.push({ part: folder, code: error.code, message: error.message });
    }
  }
  return { data: parseDiagnosticReports(names, ctx.now()), gaps };
}

async function collectWindows(ctx: ProbeContext) {
  const json = await ctx.powershell(join(__dirname, 'os-events.ps1'));
  // An unreadable event log is a gap, not "no events".
  return { data: parseWindowsEvents(json), gaps: gapsFromScript(json) };
}

export const eventsProbe = defineProbe<EventsData>({
  descriptor: {
    id: 'os.events',
    title: 'Errors and crashes (last 24 hours)',
    description:
      'Critical and error events or crash reports of the last 24 hours: how many, which kinds (unexpected shutdowns, blue screens, app crashes, disk and hardware errors) and the latest ones.',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 10_000,
    fields: {
      windowHours: { type: 'integer', unit: 'hours', description: 'How far back the events were read.' },
      critical: { type: 'integer', unit: 'count', description: 'Critical events (or kernel panics).' },
      errors: { type: 'integer', unit: 'count', description: 'Error events (or crash reports).' },
      categories: { type: 'object', description: 'Notable kinds, counted.' },
      'categories.unexpectedShutdowns': {
        type: 'integer',
        unit: 'count',
        description: 'The computer stopped without shutting down (Kernel-Power 41, EventLog 6008).',
      },
      'categories.blueScreens': {
        type: 'integer',
        unit: 'count',
        description: 'System crashes (BugCheck 1001; macOS kernel panics).',
      },
      'categories.appCrashes': {
        type: 'integer',
        unit: 'count',
        description: 'Application crashes (Application Error 1000, core dumps, crash reports).',
      },
      'categories.appHangs': {
        type: 'integer',
        unit: 'count',
        description: 'Applications that stopped responding (Application Hang 1002).',
      },
      'categories.diskErrors': {
        type: 'integer',
        unit: 'count',
        description: 'Disk errors (disk 7/51/153, Ntfs 55, kernel I/O errors).',
      },
      'categories.hardwareErrors': {
        type: 'integer',
        unit: 'count',
        description: 'Hardware errors (WHEA, machine checks).',
      },
      crashesByApp: { type: 'object[]', description: 'Applications that crashed, with how often.' },
      'crashesByApp[].app': { type: 'string', description: 'Application name.' },
      'crashesByApp[].count': { type: 'integer', unit: 'count', description: 'Crashes in the window.' },
      recent: { type: 'object[]', description: 'The 20 most recent items.' },
      'recent[].time': { type: 'string', description: 'When (ISO 8601).' },
      'recent[].source': { type: 'string', description: 'Provider, service or application.' },
      'recent[].id': { type: 'integer', nullable: true, description: 'Event id (Windows).' },
      'recent[].level': { type: 'string', enum: ['critical', 'error'], description: 'Severity.' },
      'recent[].message': { type: 'string', description: 'The message, shortened to 200 characters.' },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
