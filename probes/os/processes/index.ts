/**
 * os.processes — how many processes run, and the five using the most CPU and the most memory, with
 * CPU measured over a short interval (not averaged since each process started).
 */
import { join } from 'node:path';
import { defineProbe, type ProbeContext } from '../../types';
import { parseDarwinTop, parseLinuxTop, parseWindowsProcesses, summarise, type ProcessesData } from './parse';

export type { ProcessesData } from './parse';

async function cores(ctx: ProbeContext): Promise<number> {
  return Number((await ctx.exec('getconf', ['_NPROCESSORS_ONLN'])).stdout.trim()) || 1;
}

async function collectLinux(ctx: ProbeContext) {
  // Two iterations half a second apart: the second one's %CPU is measured over that half second.
  const [top, n] = await Promise.all([
    ctx.exec('top', ['-b', '-n', '2', '-d', '0.5', '-w', '512', '-e', 'k']),
    cores(ctx),
  ]);
  return { data: summarise(parseLinuxTop(top.stdout, n)) };
}

async function collectDarwin(ctx: ProbeContext) {
  // macOS top: the first sample has no CPU figures yet; the second, one second later, does.
  const [top, n] = await Promise.all([
    ctx.exec('top', ['-l', '2', '-s', '1', '-stats', 'pid,cpu,mem,command']),
    cores(ctx),
  ]);
  return { data: summarise(parseDarwinTop(top.stdout, n)) };
}

async function collectWindows(ctx: ProbeContext) {
  return {
    data: summarise(parseWindowsProcesses(await ctx.powershell(join(__dirname, 'os-processes.ps1')))),
  };
}

export const processesProbe = defineProbe<ProcessesData>({
  descriptor: {
    id: 'os.processes',
    title: 'Busiest programs',
    description:
      'How many processes run, and the five using the most processor time and memory right now (names only, never command lines).',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 8_000,
    fields: {
      count: { type: 'integer', unit: 'count', description: 'Processes running.' },
      topCpu: { type: 'object[]', description: 'The five using the most CPU.' },
      'topCpu[].name': { type: 'string', description: 'Process name.' },
      'topCpu[].pid': { type: 'integer', description: 'Process id.' },
      'topCpu[].cpuPercent': {
        type: 'number',
        unit: 'percent',
        description: "Share of the whole machine's CPU.",
      },
      'topCpu[].memoryBytes': {
        type: 'number',
        unit: 'bytes',
        description: 'Memory in use (resident / private working set).',
      },
      topMemory: { type: 'object[]', description: 'The five using the most memory.' },
      'topMemory[].name': { type: 'string', description: 'Process name.' },
      'topMemory[].pid': { type: 'integer', description: 'Process id.' },
      'topMemory[].cpuPercent': {
        type: 'number',
        unit: 'percent',
        description: "Share of the whole machine's CPU.",
      },
      'topMemory[].memoryBytes': { type: 'number', unit: 'bytes', description: 'Memory in use.' },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
