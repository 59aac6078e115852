/**
 * Pure parsers for hardware.memory, and the one rule that turns raw signals into a pressure level.
 */
import { asArray, asInteger, asNumber, prop, round } from '../../util/parse';

export type MemoryPressure = 'normal' | 'elevated' | 'high';

export interface MemoryData {
  totalBytes: number;
  /** Null when the OS did not say (Windows without its Memory counters or Win32_OperatingSystem values). */
  availableBytes: number | null;
  usedPercent: number | null;
  swapTotalBytes: number | null;
  swapUsedBytes: number | null;
  commitBytes: number | null;
  commitLimitBytes: number | null;
  pressure: MemoryPressure | null;
  /** Which signal the pressure level came from. */
  pressureSource: 'psi' | 'available' | 'commit' | 'macos-level' | null;
  /** Linux PSI: share of the last 10 s in which some task waited for memory (percent). */
  psiSomeAvg10: number | null;
  /** Linux PSI: share of the last 60 s in which some task waited for memory (percent). */
  psiSomeAvg60: number | null;
  /** macOS kern.memorystatus_vm_pressure_level as the kernel gives it: 1 normal, 2 warning, 4 critical. */
  macosPressureLevel: number | null;
  /** Windows: reads from disk per second to resolve hard page faults (Memory\\Page Reads/sec). */
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

type Source = NonNullable<MemoryData['pressureSource']>;
const RANK: Readonly<Record<MemoryPressure, number>> = { normal: 0, elevated: 1, high: 2 };

/** The worst of several signals, and which signal it came from (the first listed wins a tie). */
function worst(signals: readonly [Source, MemoryPressure | null][]): {
  pressure: MemoryPressure | null;
  source: Source | null;
} {
  let best: { pressure: MemoryPressure | null; source: Source | null } = { pressure: null, source: null };
  for (const [source, level] of signals) {
    if (level !== null && (best.pressure === null || RANK[level] > RANK[best.pressure]))
      best = { pressure: level, source };
  }
  return best;
}

export function pressureFromAvailable(available: number | null, total: number): MemoryPressure | null {
  if (available === null || total <= 0) return null;
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

/** /proc/pressure/memory: `some avg10=0.00 avg60=0.00 avg300=0.00 total=0` (the "some" line). */
export function parsePsi(text: string): { avg10: number | null; avg60: number | null } | null {
  const line = /^some (.*)$/m.exec(text)?.[1];
  if (!line) return null;
  const value = (key: string): number | null => asNumber(new RegExp(`${key}=([\\d.]+)`).exec(line)?.[1]);
  const result = { avg10: value('avg10'), avg60: value('avg60') };
  return result.avg60 === null ? null : result;
}

/** Share of memory in use, when available memory is known. */
function usedPercent(available: number | null, total: number): number | null {
  return available === null || total <= 0 ? null : round((1 - available / total) * 100);
}

export function linuxMemory(meminfo: string, psi: string | null): MemoryData {
  const m = parseMeminfo(meminfo);
  const total = m.get('MemTotal') ?? 0;
  // Kernels before 3.14 lack MemAvailable; free + page cache is the old approximation.
  const available =
    m.get('MemAvailable') ?? (m.get('MemFree') ?? 0) + (m.get('Cached') ?? 0) + (m.get('Buffers') ?? 0);
  const swapTotal = m.get('SwapTotal') ?? null;
  const psiValues = psi === null ? null : parsePsi(psi);
  const psiAvg60 = psiValues?.avg60 ?? null;
  const judged = worst([
    ['psi', psiAvg60 === null ? null : pressureFromPsi(psiAvg60)],
    ['available', pressureFromAvailable(available, total)],
  ]);
  return {
    totalBytes: total,
    availableBytes: available,
    usedPercent: usedPercent(available, total),
    swapTotalBytes: swapTotal,
    swapUsedBytes: swapTotal === null ? null : swapTotal - (m.get('SwapFree') ?? 0),
    commitBytes: m.get('Committed_AS') ?? null,
    commitLimitBytes: m.get('CommitLimit') ?? null,
    pressure: judged.pressure,
    pressureSource: judged.source,
    psiSomeAvg10: psiValues?.avg10 ?? null,
    psiSomeAvg60: psiAvg60,
    macosPressureLevel: null,
    hardFaultsPerSecond: null,
  };
}

/** JSON printed by hardware-memory.ps1 (Win32_OperatingSystem and the Memory performance counters). */
export function windowsMemory(json: unknown): MemoryData {
  const os = prop(json, 'os');
  const perf = prop(json, 'perf');
  const total = (asNumber(prop(os, 'totalVisibleMemoryKb')) ?? 0) * 1024;
  const freeKb = asNumber(prop(os, 'freePhysicalMemoryKb'));
  const available = asNumber(prop(perf, 'availableBytes')) ?? (freeKb === null ? null : freeKb * 1024);
  const commit = asNumber(prop(perf, 'committedBytes'));
  const limit = asNumber(prop(perf, 'commitLimit'));
  const pageFiles = asArray(prop(json, 'pageFiles'));
  const swapTotal = pageFiles.length
    ? pageFiles.reduce<number>((sum, p) => sum + (asNumber(prop(p, 'allocatedMb')) ?? 0) * 1024 * 1024, 0)
    : null;
  const swapUsed = pageFiles.length
    ? pageFiles.reduce<number>((sum, p) => sum + (asNumber(prop(p, 'currentUsageMb')) ?? 0) * 1024 * 1024, 0)
    : null;
  const judged = worst([
    ['commit', commit !== null && limit !== null ? pressureFromCommit(commit, limit) : null],
    ['available', pressureFromAvailable(available, total)],
  ]);
  return {
    totalBytes: total,
    availableBytes: available,
    usedPercent: usedPercent(available, total),
    swapTotalBytes: swapTotal,
    swapUsedBytes: swapUsed,
    commitBytes: commit,
    commitLimitBytes: limit,
    pressure: judged.pressure,
    pressureSource: judged.source,
    psiSomeAvg10: null,
    psiSomeAvg60: null,
    macosPressureLevel: null,
    // Page Reads/sec counts disk reads for hard faults; older script output only had Pages Input/sec.
    hardFaultsPerSecond: asNumber(prop(perf, 'pageReadsPerSec')) ?? asNumber(prop(perf, 'pagesInputPerSec')),
  };
}

/** macOS `sysctl -n hw.memsize vm.swapusage kern.memorystatus_vm_pressure_level`: one value per line. */
export function parseDarwinSysctl(text: string): {
  total: number | null;
  swapTotal: number | null;
  swapUsed: number | null;
  level: number | null;
} {
  const [memsize = '', swap = '', level = ''] = text.split('\n').map((l) => l.trim());
  // "total = 13312.00M  used = 11625.69M  free = 1686.31M  (encrypted)"; large swap may be shown in G.
  const bytes = (name: string): number | null => {
    const match = new RegExp(`${name} = ([\\d.]+)([MG])`).exec(swap);
    return match?.[1] ? Math.round(Number(match[1]) * 1024 ** (match[2] === 'G' ? 3 : 2)) : null;
  };
  return {
    total: asInteger(memsize),
    swapTotal: bytes('total'),
    swapUsed: bytes('used'),
    level: asInteger(level),
  };
}

/**
 * macOS `vm_stat`: available ≈ free + inactive + speculative + purgeable pages. The page size comes
 * from its own header ("page size of 16384 bytes": 16 KB on Apple silicon, 4 KB on Intel).
 */
export function parseVmStat(text: string): number | null {
  const pageSize = asInteger(/page size of (\d+) bytes/.exec(text)?.[1]);
  if (pageSize === null || pageSize <= 0) return null;
  const pages = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+)\\.?$`, 'm').exec(text);
    return match?.[1] ? Number(match[1]) : 0;
  };
  const sum =
    pages('Pages free') + pages('Pages inactive') + pages('Pages speculative') + pages('Pages purgeable');
  return sum > 0 ? sum * pageSize : null;
}

export function darwinMemory(sysctl: string, vmStat: string): MemoryData {
  const s = parseDarwinSysctl(sysctl);
  const total = s.total ?? 0;
  const available = parseVmStat(vmStat);
  // kern.memorystatus_vm_pressure_level: 1 normal, 2 warning, 4 critical (what Activity Monitor shows).
  const level: MemoryPressure | null =
    s.level === 1 ? 'normal' : s.level === 2 ? 'elevated' : s.level === 4 ? 'high' : null;
  return {
    totalBytes: total,
    availableBytes: available,
    usedPercent: usedPercent(available, total),
    swapTotalBytes: s.swapTotal,
    swapUsedBytes: s.swapUsed,
    commitBytes: null,
    commitLimitBytes: null,
    pressure: level ?? pressureFromAvailable(available, total),
    pressureSource: level ? 'macos-level' : pressureFromAvailable(available, total) ? 'available' : null,
    psiSomeAvg10: null,
    psiSomeAvg60: null,
    macosPressureLevel: s.level,
    hardFaultsPerSecond: null,
  };
}
