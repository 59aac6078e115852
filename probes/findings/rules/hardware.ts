/** Finding rules over the hardware probes. Thresholds are named constants with the reason for their value. */
import { probeData } from '../../report';
import type { FindingRule, RuleFinding } from '../types';

const GB = 1024 ** 3;
/** Windows needs several GB free for updates, the page file and temporary files; under 5 % or 2 GB things start failing. */
const SYSTEM_CRITICAL_PERCENT = 5;
const SYSTEM_CRITICAL_BYTES = 2 * GB;
/** Under 10 % (or 10 GB on the system volume) there is no room for the next feature update. */
const LOW_PERCENT = 10;
const SYSTEM_LOW_BYTES = 10 * GB;
/**
 * Office, Teams and a browser together need about 8 GB. An "8 GB" machine shows less than 8 GiB to
 * the OS (firmware and integrated graphics reserve up to about 1 GiB), so the line sits at 6.5 GiB:
 * 4 and 6 GB machines are flagged, 8 GB ones never are.
 */
const SMALL_MEMORY_BYTES = 6.5 * GB;
/** Swap in use beyond half of RAM means the working set does not fit: everything is slow. */
const HEAVY_SWAP_RATIO = 0.5;
/**
 * Windows Memory\\Page Reads/sec: each read brings in several pages, so some reads a second are
 * normal (programs starting), but hundreds mean the disk is serving memory (a sustained 1 000 pages
 * a second is the classic paging alarm, at roughly 4–8 pages per read).
 */
const HEAVY_HARD_FAULTS = 250;
/** Batteries are usually replaced under warranty below 80 %; under 60 % the laptop barely lasts a meeting. */
const BATTERY_WORN_PERCENT = 60;
const BATTERY_AGEING_PERCENT = 80;
/**
 * On AC but not charging while under this charge: a charger, cable or battery fault. Charge limits
 * hold batteries at 55–80 % on purpose (Lenovo conservation mode, Dell "primarily AC", macOS optimised
 * charging, ThinkPad thresholds), so only a battery below all of those is suspicious.
 */
const NOT_CHARGING_BELOW = 50;
/**
 * A CPU this busy makes everything feel slow. The sample is short and taken while Triage itself runs,
 * so the line is high enough that Triage's own work cannot reach it on a healthy machine.
 */
const CPU_BUSY_PERCENT = 95;
/** A graphics driver older than three years misses fixes for display, docking and video-call problems. */
const OLD_DRIVER_DAYS = 3 * 365;

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

type Volume = { system: boolean; totalBytes: number; freeBytes: number };
const freePercent = (v: Volume): number => (v.totalBytes > 0 ? (v.freeBytes / v.totalBytes) * 100 : 100);
/** The system volume is almost full: the critical case. */
const systemAlmostFull = (v: Volume): boolean =>
  v.system &&
  v.totalBytes > 0 &&
  (freePercent(v) < SYSTEM_CRITICAL_PERCENT || v.freeBytes < SYSTEM_CRITICAL_BYTES);
/** Any volume low on space, short of the critical case. */
const lowOnSpace = (v: Volume): boolean =>
  v.totalBytes > 0 &&
  !systemAlmostFull(v) &&
  (freePercent(v) < LOW_PERCENT || (v.system && v.freeBytes < SYSTEM_LOW_BYTES));

const diskSpace: FindingRule = {
  id: 'hardware.disk-almost-full',
  explains: ['slow', 'app-crashes'],
  area: 'hardware',
  inputs: ['hardware.disks'],
  evaluate(run) {
    const disks = probeData(run, 'hardware.disks');
    if (!disks) return [];
    return disks.volumes.filter(systemAlmostFull).map((v): RuleFinding => ({
      id: 'hardware.disk-almost-full',
      severity: 'critical',
      area: 'hardware',
      params: { volume: v.mount, freeGb: round(v.freeBytes / GB), freePercent: round(100 - v.usedPercent) },
      evidence: [{ probe: 'hardware.disks', field: 'volumes[].freeBytes', value: v.freeBytes }],
      settings: 'storage',
    }));
  },
};

const diskLow: FindingRule = {
  id: 'hardware.disk-space-low',
  explains: ['slow', 'app-crashes'],
  area: 'hardware',
  inputs: ['hardware.disks'],
  evaluate(run) {
    const disks = probeData(run, 'hardware.disks');
    if (!disks) return [];
    return disks.volumes.filter(lowOnSpace).map((v): RuleFinding => ({
      id: 'hardware.disk-space-low',
      severity: 'warning',
      area: 'hardware',
      params: { volume: v.mount, freeGb: round(v.freeBytes / GB), freePercent: round(100 - v.usedPercent) },
      evidence: [{ probe: 'hardware.disks', field: 'volumes[].freeBytes', value: v.freeBytes }],
      settings: 'storage',
    }));
  },
};

const diskFailing: FindingRule = {
  id: 'hardware.disk-failing',
  explains: ['slow', 'app-crashes'],
  area: 'hardware',
  inputs: ['hardware.disks'],
  evaluate(run) {
    const disks = probeData(run, 'hardware.disks');
    if (!disks) return [];
    return disks.physicalDisks
      .filter((d) => d.health === 'failing' || d.predictedFailure === true || d.health === 'warning')
      .map((d): RuleFinding => ({
        id: 'hardware.disk-failing',
        // "warning" is the OS saying the disk is wearing out; failing or predicted failure means data is at risk now.
        severity: d.health === 'failing' || d.predictedFailure === true ? 'critical' : 'warning',
        area: 'hardware',
        params: { disk: d.model ?? d.name },
        evidence: [
          { probe: 'hardware.disks', field: 'physicalDisks[].health', value: d.health },
          { probe: 'hardware.disks', field: 'physicalDisks[].predictedFailure', value: d.predictedFailure },
        ],
      }));
  },
};

const memoryPressure: FindingRule = {
  id: 'hardware.memory-pressure',
  explains: ['slow', 'app-crashes'],
  area: 'hardware',
  inputs: ['hardware.memory'],
  evaluate(run) {
    const memory = probeData(run, 'hardware.memory');
    if (!memory || memory.pressure !== 'high') return [];
    return [
      {
        id: 'hardware.memory-pressure',
        severity: 'warning',
        area: 'hardware',
        params: { totalGb: round(memory.totalBytes / GB, 0) },
        evidence: [
          { probe: 'hardware.memory', field: 'pressure', value: memory.pressure },
          { probe: 'hardware.memory', field: 'pressureSource', value: memory.pressureSource },
          { probe: 'hardware.memory', field: 'usedPercent', value: memory.usedPercent },
        ],
      },
    ];
  },
};

const memorySmall: FindingRule = {
  id: 'hardware.memory-small',
  explains: ['slow'],
  area: 'hardware',
  inputs: ['hardware.memory'],
  evaluate(run) {
    const memory = probeData(run, 'hardware.memory');
    if (!memory || memory.totalBytes <= 0 || memory.totalBytes >= SMALL_MEMORY_BYTES) return [];
    return [
      {
        id: 'hardware.memory-small',
        severity: 'info',
        area: 'hardware',
        params: { totalGb: round(memory.totalBytes / GB, 0) },
        evidence: [{ probe: 'hardware.memory', field: 'totalBytes', value: memory.totalBytes }],
      },
    ];
  },
};

const heavySwapping: FindingRule = {
  id: 'hardware.heavy-swapping',
  explains: ['slow', 'app-crashes'],
  area: 'hardware',
  inputs: ['hardware.memory'],
  evaluate(run) {
    const memory = probeData(run, 'hardware.memory');
    if (!memory) return [];
    const swapRatio =
      memory.swapUsedBytes !== null && memory.totalBytes > 0 ? memory.swapUsedBytes / memory.totalBytes : 0;
    const faults = memory.hardFaultsPerSecond ?? 0;
    if (swapRatio < HEAVY_SWAP_RATIO && faults < HEAVY_HARD_FAULTS) return [];
    return [
      {
        id: 'hardware.heavy-swapping',
        severity: 'warning',
        area: 'hardware',
        params: {},
        evidence: [
          { probe: 'hardware.memory', field: 'swapUsedBytes', value: memory.swapUsedBytes },
          { probe: 'hardware.memory', field: 'hardFaultsPerSecond', value: memory.hardFaultsPerSecond },
        ],
      },
    ];
  },
};

const batteryWorn: FindingRule = {
  id: 'hardware.battery-worn',
  explains: [],
  area: 'hardware',
  inputs: ['hardware.battery'],
  evaluate(run) {
    const battery = probeData(run, 'hardware.battery');
    if (
      !battery?.present ||
      battery.healthPercent === null ||
      battery.healthPercent >= BATTERY_AGEING_PERCENT
    )
      return [];
    return [
      {
        id: 'hardware.battery-worn',
        severity: battery.healthPercent < BATTERY_WORN_PERCENT ? 'warning' : 'info',
        area: 'hardware',
        params: { health: battery.healthPercent, cycles: battery.cycleCount ?? 'unknown' },
        evidence: [
          { probe: 'hardware.battery', field: 'healthPercent', value: battery.healthPercent },
          { probe: 'hardware.battery', field: 'cycleCount', value: battery.cycleCount },
        ],
      },
    ];
  },
};

const batteryNotCharging: FindingRule = {
  id: 'hardware.battery-not-charging',
  explains: [],
  area: 'hardware',
  inputs: ['hardware.battery'],
  evaluate(run) {
    const battery = probeData(run, 'hardware.battery');
    if (
      !battery?.present ||
      battery.onAc !== true ||
      battery.charging !== false ||
      battery.percent === null ||
      battery.percent >= NOT_CHARGING_BELOW
    )
      return [];
    return [
      {
        id: 'hardware.battery-not-charging',
        severity: 'warning',
        area: 'hardware',
        params: { percent: battery.percent },
        evidence: [
          { probe: 'hardware.battery', field: 'onAc', value: battery.onAc },
          { probe: 'hardware.battery', field: 'charging', value: battery.charging },
          { probe: 'hardware.battery', field: 'percent', value: battery.percent },
        ],
        settings: 'power',
      },
    ];
  },
};

const cpuBusy: FindingRule = {
  id: 'hardware.cpu-busy',
  explains: ['slow', 'app-crashes'],
  area: 'hardware',
  inputs: ['hardware.cpu'],
  evaluate(run) {
    const cpu = probeData(run, 'hardware.cpu');
    if (!cpu || cpu.loadPercent === null || cpu.loadPercent < CPU_BUSY_PERCENT) return [];
    return [
      {
        id: 'hardware.cpu-busy',
        severity: 'warning',
        area: 'hardware',
        params: { load: cpu.loadPercent },
        evidence: [{ probe: 'hardware.cpu', field: 'loadPercent', value: cpu.loadPercent }],
      },
    ];
  },
};

const oldGpuDriver: FindingRule = {
  id: 'hardware.gpu-driver-old',
  explains: ['app-crashes', 'slow'],
  area: 'hardware',
  inputs: ['hardware.display'],
  evaluate(run) {
    const display = probeData(run, 'hardware.display');
    // Only Windows records driver dates, and only there is a driver update something IT deploys.
    if (!display || run.platform !== 'win32') return [];
    const now = Date.parse(run.startedAt);
    return display.gpus
      .filter((g) => g.driverDate !== null && (now - Date.parse(g.driverDate)) / 86_400_000 > OLD_DRIVER_DAYS)
      .map((g): RuleFinding => ({
        id: 'hardware.gpu-driver-old',
        severity: 'info',
        area: 'hardware',
        params: {
          gpu: g.name,
          years: Math.floor((now - Date.parse(g.driverDate ?? '')) / (365 * 86_400_000)),
          date: (g.driverDate ?? '').slice(0, 10),
        },
        evidence: [{ probe: 'hardware.display', field: 'gpus[].driverDate', value: g.driverDate }],
        settings: 'updates',
      }));
  },
};

export const hardwareRules: readonly FindingRule[] = [
  diskSpace,
  diskLow,
  diskFailing,
  memoryPressure,
  memorySmall,
  heavySwapping,
  batteryWorn,
  batteryNotCharging,
  cpuBusy,
  oldGpuDriver,
];
