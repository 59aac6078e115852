/**
 * Pure parsers for hardware.memory, and the one rule that turns raw signals into a pressure level.
 */
import { asArray, asInteger, asNumber, prop, round } from '../../util/parse';

export type MemoryPressure = 'normal' | 'elevated' | 'high';

export interface MemoryData {
  totalBytes: number;
  availableBytes: number;
  usedPercent: number;
  swapTotalBytes: number | null;
  swapUsedBytes: number | null;
  commitBytes: number | null;
  commitLimitBytes: number | null;
  pressure: MemoryPressure | null;
  /** Which signal the pressure level came from. */
  pressureSource: 'psi' | 'available' | 'commit' | 'macos-level' | null;
  /** Linux PSI: share of the last 60 s in which some task waited for memory (percent). */
  psiSomeAvg60: number | null;
  /** Windows: pages read from disk to resolve hard page faults, per second. */
  hardFaultsPerSecond: number | null;
}

/*
 * Thresholds. PSI "some" above 5 % over a minute means tasks regularly wait for memory (Facebook's
 * oomd starts acting around 10–20 %); available memory under 15 % (5 %) of RAM leaves the system
 * paging; a commit charge over 85 % (95 %) of the limit means allocations will soon fail on Windows.
 */
const PSI_ELEVATED = 5;
const PSI_HIGH = 20;
const AVAILABLE_ELEVATED = 0.15;
const AVAILABLE_HIGH = 0.05;
const COMMIT_ELEVATED = 0.85;
const COMMIT_HIGH = 0.95;

function worst(levels: (MemoryPressure | null)[]): MemoryPressure | null {
  if (levels.includes('high')) return 'high';
  if (levels.includes('elevated')) return 'elevated';
  return levels.includes('normal') ? 'normal' : null;
}

export function pressureFromAvailable(available: number, total: number): MemoryPressure | null {
  if (total <= 0) return null;
  const ratio = available / total;
  return ratio < AVAILABLE_HIGH ? 'high' : ratio < AVAILABLE_ELEVATED ? 'elevated' : 'normal';
}

export function pressureFromPsi(someAvg60: number): MemoryPressure {
  return someAvg60 >= PSI_HIGH ? 'high' : someAvg60 >= PSI_ELEVATED ? 'elevated' : 'normal';
}

export function pressureFromCommit(commit: number, limit: number): MemoryPressure | null {
  if (limit <= 0) return null;
  const ratio = commit / limit;
  return ratio >= COMMIT_HIGH ? 'high' : ratio >= COMMIT_ELEVATED ? 'elevated' : 'normal';
}

/** /proc/meminfo: values in kB. */
export function parseMeminfo(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z0-9_()]+):\s+(\d+)(?:\s+kB)?$/.exec(line.trim());
    if (match?.[1] && match[2]) values.set(match[1], Number(match[2]) * (line.includes('kB') ? 1024 : 1));
  }
  return values;
}

/** /proc/pressure/memory: `some avg10=0.00 avg60=0.00 avg300=0.00 total=0`. */
export function parsePsi(text: string): number | null {
  const match = /^some .*avg60=([\d.]+)/m.exec(text);
  return match?.[1] ? asNumber(match[1]) : null;
}

export function linuxMemory(meminfo: string, psi: string | null): MemoryData {
  const m = parseMeminfo(meminfo);
  const total = m.get('MemTotal') ?? 0;
  // Kernels before 3.14 lack MemAvailable; free + page cache is the old approximation.
  const available = m.get('MemAvailable') ?? (m.get('MemFree') ?? 0) + (m.get('Cached') ?? 0) + (m.get('Buffers') ?? 0);
  const swapTotal = m.get('SwapTotal') ?? null;
  const psiAvg60 = psi === null ? null : parsePsi(psi);
  const byAvailable = pressureFromAvailable(available, total);
  return {
    totalBytes: total,
    availableBytes: available,
    usedPercent: total > 0 ? round((1 - available / total) * 100) : 0,
    swapTotalBytes: swapTotal,
    swapUsedBytes: swapTotal === null ? null : swapTotal - (m.get('SwapFree') ?? 0),
    commitBytes: m.get('Committed_AS') ?? null,
    commitLimitBytes: m.get('CommitLimit') ?? null,
    pressure: worst([psiAvg60 === null ? null : pressureFromPsi(psiAvg60), byAvailable]),
    pressureSource: psiAvg60 !== null ? 'psi' : byAvailable ? 'available' : null,
    psiSomeAvg60: psiAvg60,
    hardFaultsPerSecond: null,
  };
}

/** JSON printed by hardware-memory.ps1 (Win32_OperatingSystem and the Memory performance counters). */
export function windowsMemory(json: unknown): MemoryData {
  const os = prop(json, 'os');
  const perf = prop(json, 'perf');
  const total = (asNumber(prop(os, 'totalVisibleMemoryKb')) ?? 0) * 1024;
  const available = asNumber(prop(perf, 'availableBytes')) ?? (asNumber(prop(os, 'freePhysicalMemoryKb')) ?? 0) * 1024;
  const commit = asNumber(prop(perf, 'committedBytes'));
  const limit = asNumber(prop(perf, 'commitLimit'));
  const pageFiles = asArray(prop(json, 'pageFiles'));
  const swapTotal = pageFiles.length ? pageFiles.reduce<number>((sum, p) => sum + (asNumber(prop(p, 'allocatedMb')) ?? 0) * 1024 * 1024, 0) : null;
  const swapUsed = pageFiles.length ? pageFiles.reduce<number>((sum, p) => sum + (asNumber(prop(p, 'currentUsageMb')) ?? 0) * 1024 * 1024, 0) : null;
  const byCommit = commit !== null && limit !== null ? pressureFromCommit(commit, limit) : null;
  return {
    totalBytes: total,
    availableBytes: available,
    usedPercent: total > 0 ? round((1 - available / total) * 100) : 0,
    swapTotalBytes: swapTotal,
    swapUsedBytes: swapUsed,
    commitBytes: commit,
    commitLimitBytes: limit,
    pressure: worst([byCommit, pressureFromAvailable(available, total)]),
    pressureSource: byCommit !== null ? 'commit' : total > 0 ? 'available' : null,
    psiSomeAvg60: null,
    hardFaultsPerSecond: asNumber(prop(perf, 'pagesInputPerSec')),
  };
}

/** macOS `sysctl -n hw.memsize vm.swapusage kern.memorystatus_vm_pressure_level hw.pagesize`. */
export function parseDarwinSysctl(text: string): { total: number | null; swapTotal: number | null; swapUsed: number | null; level: number | null; pageSize: number | null } {
  const [memsize = '', swap = '', level = '', pageSize = ''] = text.split('\n').map((l) => l.trim());
  // "total = 2048.00M  used = 731.75M  free = 1316.25M  (encrypted)"
  const mb = (name: string): number | null => {
    const match = new RegExp(`${name} = ([\\d.]+)M`).exec(swap);
    return match?.[1] ? Math.round(Number(match[1]) * 1024 * 1024) : null;
  };
  return { total: asInteger(memsize), swapTotal: mb('total'), swapUsed: mb('used'), level: asInteger(level), pageSize: asInteger(pageSize) };
}

/** macOS `vm_stat`: available ≈ free + inactive + speculative + purgeable pages. */
export function parseVmStat(text: string, pageSize: number): number | null {
  const pages = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+)\\.?$`, 'm').exec(text);
    return match?.[1] ? Number(match[1]) : 0;
  };
  const sum = pages('Pages free') + pages('Pages inactive') + pages('Pages speculative') + pages('Pages purgeable');
  return sum > 0 ? sum * pageSize : null;
}

export function darwinMemory(sysctl: string, vmStat: string): MemoryData {
  const s = parseDarwinSysctl(sysctl);
  const total = s.total ?? 0;
  const available = parseVmStat(vmStat, s.pageSize ?? 16384) ?? 0;
  // kern.memorystatus_vm_pressure_level: 1 normal, 2 warning, 4 critical (what Activity Monitor shows).
  const level: MemoryPressure | null = s.level === 1 ? 'normal' : s.level === 2 ? 'elevated' : s.level === 4 ? 'high' : null;
  return {
    totalBytes: total,
    availableBytes: available,
    usedPercent: total > 0 ? round((1 - available / total) * 100) : 0,
    swapTotalBytes: s.swapTotal,
    swapUsedBytes: s.swapUsed,
    commitBytes: null,
    commitLimitBytes: null,
    pressure: level ?? pressureFromAvailable(available, total),
    pressureSource: level ? 'macos-level' : total > 0 ? 'available' : null,
    psiSomeAvg60: null,
    hardFaultsPerSecond: null,
  };
}
