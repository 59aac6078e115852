/**
 * hardware.memory — how much memory there is, how much is free, and whether the system is short of it.
 */
import { join } from 'node:path';
import { defineProbe, type ProbeContext } from '../../types';
import { gapsFromScript } from '../../util/script-errors';
import { darwinMemory, linuxMemory, windowsMemory, type MemoryData } from './parse';

export type { MemoryData } from './parse';

async function collectLinux(ctx: ProbeContext) {
  const [meminfo, psi] = await Promise.all([
    ctx.readFile('/proc/meminfo'),
    // PSI needs Linux 4.20+ with CONFIG_PSI; without it the available-memory ratio decides.
    ctx.readFile('/proc/pressure/memory').catch(() => null),
  ]);
  return { data: linuxMemory(meminfo, psi) };
}

async function collectDarwin(ctx: ProbeContext) {
  const [sysctl, vmStat] = await Promise.all([
    ctx.exec('sysctl', ['-n', 'hw.memsize', 'vm.swapusage', 'kern.memorystatus_vm_pressure_level']),
    ctx.exec('vm_stat', []),
  ]);
  return { data: darwinMemory(sysctl.stdout, vmStat.stdout) };
}

async function collectWindows(ctx: ProbeContext) {
  const json = await ctx.powershell(join(__dirname, 'hardware-memory.ps1'));
  return { data: windowsMemory(json), gaps: gapsFromScript(json) };
}

export const memoryProbe = defineProbe<MemoryData>({
  descriptor: {
    id: 'hardware.memory',
    title: 'Memory',
    description:
      'Installed and available memory, swap or page file use, commit charge, and whether the system is under memory pressure (Linux PSI, the Windows commit charge, the macOS pressure level).',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 5_000,
    fields: {
      totalBytes: { type: 'integer', unit: 'bytes', description: 'Physical memory the OS can use.' },
      availableBytes: {
        type: 'integer',
        nullable: true,
        unit: 'bytes',
        description: 'Memory available to programs without swapping.',
      },
      usedPercent: {
        type: 'number',
        nullable: true,
        unit: 'percent',
        description: 'Share of memory in use (not available).',
      },
      swapTotalBytes: {
        type: 'integer',
        nullable: true,
        unit: 'bytes',
        description: 'Size of swap or page files.',
      },
      swapUsedBytes: {
        type: 'integer',
        nullable: true,
        unit: 'bytes',
        description: 'Swap or page file in use.',
      },
      commitBytes: {
        type: 'integer',
        nullable: true,
        unit: 'bytes',
        description: 'Memory promised to programs (commit charge).',
      },
      commitLimitBytes: {
        type: 'integer',
        nullable: true,
        unit: 'bytes',
        description: 'The most that can be promised (RAM plus page files).',
      },
      pressure: {
        type: 'string',
        nullable: true,
        enum: ['normal', 'elevated', 'high'],
        description: 'How short of memory the system is.',
      },
      pressureSource: {
        type: 'string',
        nullable: true,
        enum: ['psi', 'available', 'commit', 'macos-level'],
        description: 'The signal the pressure level came from.',
      },
      psiSomeAvg10: {
        type: 'number',
        nullable: true,
        unit: 'percent',
        description: 'Linux PSI: share of the last 10 seconds in which some task waited for memory.',
      },
      psiSomeAvg60: {
        type: 'number',
        nullable: true,
        unit: 'percent',
        description: 'Linux PSI: share of the last minute in which some task waited for memory.',
      },
      macosPressureLevel: {
        type: 'integer',
        nullable: true,
        description:
          'macOS kern.memorystatus_vm_pressure_level: 1 normal, 2 warning, 4 critical (what Activity Monitor shows).',
      },
      hardFaultsPerSecond: {
        type: 'number',
        nullable: true,
        unit: 'per second',
        description: 'Windows: disk reads per second to resolve hard page faults (Memory\\Page Reads/sec).',
      },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
