/**
 * hardware.cpu — the processor, its cores, and how busy it is right now.
 */
import { join } from 'node:path';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { optional } from '../../util/gaps';
import { sleep } from '../../util/time';
import {
  loadBetween,
  normalizeArchitecture,
  parseDarwinSysctl,
  parseHz,
  parseProcCpuinfo,
  parseProcStatCpu,
  parsePsCpuShares,
  parseWindowsCpu,
  type CpuData,
} from './parse';

export type { CpuData } from './parse';

/** Long enough to see what the CPU is doing, short enough not to slow the run. */
const LOAD_SAMPLE_MS = 250;

async function collectLinux(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const before = parseProcStatCpu(await ctx.readFile('/proc/stat'));
  const [cpuinfo, arch] = await Promise.all([
    ctx.readFile('/proc/cpuinfo'),
    optional(ctx, gaps, 'architecture', async () => (await ctx.exec('uname', ['-m'])).stdout),
    sleep(LOAD_SAMPLE_MS, ctx.signal),
  ]);
  const after = parseProcStatCpu(await ctx.readFile('/proc/stat'));
  const data: CpuData = {
    ...parseProcCpuinfo(cpuinfo),
    architecture: arch === null ? 'unknown' : normalizeArchitecture(arch),
    loadPercent: before && after ? loadBetween(before, after) : null,
  };
  return { data, gaps };
}

async function collectDarwin(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const [sysctl, hz, arch] = await Promise.all([
    ctx.exec('sysctl', [
      '-n',
      'machdep.cpu.brand_string',
      'hw.physicalcpu',
      'hw.logicalcpu',
      'kern.hv_vmm_present',
    ]),
    // Apple silicon has no hw.cpufrequency: sysctl exits non-zero, which only means "unknown".
    ctx.exec('sysctl', ['-n', 'hw.cpufrequency'], { okExitCodes: [0, 1] }),
    ctx.exec('uname', ['-m']),
  ]);
  const parsed = parseDarwinSysctl(sysctl.stdout);
  const shares = await optional(
    ctx,
    gaps,
    'loadPercent',
    async () => (await ctx.exec('ps', ['-A', '-o', '%cpu='])).stdout,
  );
  const data: CpuData = {
    ...parsed,
    vendor: /apple/i.test(parsed.model) ? 'Apple' : /intel/i.test(parsed.model) ? 'GenuineIntel' : null,
    baseSpeedMHz: hz.exitCode === 0 ? parseHz(hz.stdout) : null,
    architecture: normalizeArchitecture(arch.stdout),
    loadPercent: shares === null ? null : parsePsCpuShares(shares, parsed.logicalCores),
  };
  return { data, gaps };
}

async function collectWindows(ctx: ProbeContext) {
  return { data: parseWindowsCpu(await ctx.powershell(join(__dirname, 'hardware-cpu.ps1'))) };
}

export const cpuProbe = defineProbe<CpuData>({
  descriptor: {
    id: 'hardware.cpu',
    title: 'Processor',
    description:
      'The processor model, its cores and clock, whether this is a virtual machine, and how busy the CPU is over a quarter of a second.',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 5_000,
    fields: {
      model: { type: 'string', description: 'Processor model as the OS names it.' },
      vendor: {
        type: 'string',
        nullable: true,
        description: 'Manufacturer (GenuineIntel, AuthenticAMD, Apple…).',
      },
      architecture: { type: 'string', description: 'Instruction set: x64, arm64, x86 or arm.' },
      physicalCores: {
        type: 'integer',
        nullable: true,
        unit: 'count',
        description: 'Physical cores across all sockets.',
      },
      logicalCores: {
        type: 'integer',
        unit: 'count',
        description: 'Logical processors (hardware threads) the OS schedules on.',
      },
      baseSpeedMHz: {
        type: 'integer',
        nullable: true,
        unit: 'MHz',
        description: 'Rated clock speed (Linux: current clock of the first core).',
      },
      loadPercent: {
        type: 'number',
        nullable: true,
        unit: 'percent',
        description: 'CPU use across all cores at the time of the check.',
      },
      virtualMachine: {
        type: 'boolean',
        nullable: true,
        description:
          'True in a virtual machine (a physical PC with Hyper-V, VBS or WSL2 runs under a hypervisor too, and is not one).',
      },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
