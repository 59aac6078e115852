/**
 * Hardware rules: each fires on the data that means trouble and stays silent otherwise.
 */
import { describe, expect, it } from 'vitest';
import { hardwareRules } from '../../../probes/findings/rules/hardware';
import type { BatteryData } from '../../../probes/hardware/battery';
import type { CpuData } from '../../../probes/hardware/cpu';
import type { DisksData } from '../../../probes/hardware/disks';
import type { DisplayData } from '../../../probes/hardware/display';
import type { MemoryData } from '../../../probes/hardware/memory';
import { reportWith, type ReportData } from '../../support/reports';

const GB = 1024 ** 3;
const rule = (id: string) => {
  const found = hardwareRules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};
const run = (id: string, data: ReportData, platform: 'win32' | 'darwin' | 'linux' = 'win32') =>
  rule(id).evaluate(reportWith(data, { platform }));

const volume = (mount: string, totalGb: number, freeGb: number, system: boolean) => ({
  mount,
  label: null,
  fileSystem: 'NTFS',
  totalBytes: totalGb * GB,
  freeBytes: freeGb * GB,
  usedPercent: Math.round((1 - freeGb / totalGb) * 1000) / 10,
  system,
});
const disks = (volumes: DisksData['volumes'], physicalDisks: DisksData['physicalDisks'] = []): DisksData => ({
  volumes,
  physicalDisks,
});
const memory = (over: Partial<MemoryData> = {}): MemoryData => ({
  totalBytes: 16 * GB,
  availableBytes: 8 * GB,
  usedPercent: 50,
  swapTotalBytes: 4 * GB,
  swapUsedBytes: 0,
  commitBytes: null,
  commitLimitBytes: null,
  pressure: 'normal',
  pressureSource: 'available',
  psiSomeAvg10: null,
  psiSomeAvg60: null,
  macosPressureLevel: null,
  hardFaultsPerSecond: null,
  ...over,
});
const battery = (over: Partial<BatteryData> = {}): BatteryData => ({
  present: true,
  percent: 80,
  charging: false,
  onAc: false,
  designCapacityMwh: 50000,
  fullChargeCapacityMwh: 45000,
  healthPercent: 90,
  cycleCount: 300,
  condition: null,
  ...over,
});
const cpu = (loadPercent: number | null): CpuData => ({
  model: 'x',
  vendor: null,
  architecture: 'x64',
  physicalCores: 4,
  logicalCores: 8,
  baseSpeedMHz: 2000,
  loadPercent,
  virtualMachine: false,
});

describe('disk space', () => {
  it('is critical when the system volume is almost full, naming it', () => {
    const [finding] = run('hardware.disk-almost-full', {
      'hardware.disks': disks([volume('C:', 500, 12, true)]),
    });
    expect(finding).toMatchObject({
      severity: 'critical',
      params: { volume: 'C:', freeGb: 12, freePercent: 2.4 },
      settings: 'storage',
    });
  });

  it('is critical under 2 GB free even on a small disk', () => {
    expect(
      run('hardware.disk-almost-full', { 'hardware.disks': disks([volume('C:', 30, 1.5, true)]) }),
    ).toHaveLength(1);
  });

  it('warns when a volume is low, but not twice for the critical one', () => {
    const data = {
      'hardware.disks': disks([
        volume('C:', 500, 12, true),
        volume('D:', 1000, 50, false),
        volume('E:', 1000, 400, false),
      ]),
    };
    expect(run('hardware.disk-space-low', data).map((f) => f.params.volume)).toEqual(['D:']);
  });

  it('warns when the system volume has under 10 GB even if that is over 10 %', () => {
    expect(
      run('hardware.disk-space-low', { 'hardware.disks': disks([volume('C:', 64, 8, true)]) }),
    ).toHaveLength(1);
  });

  it('stays silent with room to spare, and without data', () => {
    const healthy = { 'hardware.disks': disks([volume('C:', 500, 200, true)]) };
    expect(run('hardware.disk-almost-full', healthy)).toEqual([]);
    expect(run('hardware.disk-space-low', healthy)).toEqual([]);
    expect(run('hardware.disk-almost-full', {})).toEqual([]);
  });
});

describe('disk health', () => {
  const disk = (health: 'healthy' | 'warning' | 'failing' | 'unknown', predictedFailure: boolean | null) => ({
    name: 'Disk 0',
    model: 'ST1000DM010',
    mediaType: 'hdd' as const,
    bus: 'SATA',
    sizeBytes: 1e12,
    health,
    predictedFailure,
  });

  it('is critical when a disk is failing or predicted to fail', () => {
    expect(run('hardware.disk-failing', { 'hardware.disks': disks([], [disk('healthy', true)]) })).toEqual([
      expect.objectContaining({ severity: 'critical', params: { disk: 'ST1000DM010' } }),
    ]);
    expect(
      run('hardware.disk-failing', { 'hardware.disks': disks([], [disk('failing', null)]) })[0]?.severity,
    ).toBe('critical');
  });

  it('warns when the OS says a disk is wearing out', () => {
    expect(run('hardware.disk-failing', { 'hardware.disks': disks([], [disk('warning', null)]) })).toEqual([
      expect.objectContaining({ severity: 'warning' }),
    ]);
  });

  it('stays silent for healthy and unknown disks', () => {
    expect(
      run('hardware.disk-failing', {
        'hardware.disks': disks([], [disk('healthy', false), disk('unknown', null)]),
      }),
    ).toEqual([]);
  });
});

describe('memory', () => {
  it('warns under high pressure only, with the signal as evidence', () => {
    const [finding] = run('hardware.memory-pressure', {
      'hardware.memory': memory({ pressure: 'high', pressureSource: 'commit', usedPercent: 96 }),
    });
    expect(finding).toMatchObject({ severity: 'warning', params: { totalGb: 16 } });
    expect(finding?.evidence).toContainEqual({
      probe: 'hardware.memory',
      field: 'pressureSource',
      value: 'commit',
    });
    expect(run('hardware.memory-pressure', { 'hardware.memory': memory({ pressure: 'elevated' }) })).toEqual(
      [],
    );
    expect(
      run('hardware.memory-pressure', {
        'hardware.memory': memory({ pressure: null, availableBytes: null, usedPercent: null }),
      }),
    ).toEqual([]);
  });

  it('notes 4 and 6 GB machines, never an 8 GB one that shows a little less', () => {
    expect(run('hardware.memory-small', { 'hardware.memory': memory({ totalBytes: 4 * GB }) })).toEqual([
      expect.objectContaining({ severity: 'info', params: { totalGb: 4 } }),
    ]);
    expect(
      run('hardware.memory-small', { 'hardware.memory': memory({ totalBytes: 5.9 * GB }) }),
    ).toHaveLength(1);
    // 8 GB with 1 GB reserved for integrated graphics.
    expect(run('hardware.memory-small', { 'hardware.memory': memory({ totalBytes: 6.9 * GB }) })).toEqual([]);
  });

  it('warns about heavy swapping, from swap use or hard faults', () => {
    expect(
      run('hardware.heavy-swapping', { 'hardware.memory': memory({ swapUsedBytes: 10 * GB }) }),
    ).toHaveLength(1);
    expect(
      run('hardware.heavy-swapping', { 'hardware.memory': memory({ hardFaultsPerSecond: 2500 }) }),
    ).toHaveLength(1);
    expect(
      run('hardware.heavy-swapping', {
        'hardware.memory': memory({ swapUsedBytes: 1 * GB, hardFaultsPerSecond: 20 }),
      }),
    ).toEqual([]);
  });
});

describe('battery', () => {
  it('warns under 60 % health, notes under 80 %, and stays silent otherwise', () => {
    expect(
      run('hardware.battery-worn', {
        'hardware.battery': battery({ healthPercent: 55.8, cycleCount: 1184 }),
      }),
    ).toEqual([expect.objectContaining({ severity: 'warning', params: { health: 55.8, cycles: 1184 } })]);
    expect(
      run('hardware.battery-worn', { 'hardware.battery': battery({ healthPercent: 75 }) })[0]?.severity,
    ).toBe('info');
    expect(run('hardware.battery-worn', { 'hardware.battery': battery({ healthPercent: 92 }) })).toEqual([]);
    expect(
      run('hardware.battery-worn', { 'hardware.battery': battery({ present: false, healthPercent: null }) }),
    ).toEqual([]);
  });

  it('warns when plugged in but not charging a battery that is below any charge limit', () => {
    expect(
      run('hardware.battery-not-charging', {
        'hardware.battery': battery({ onAc: true, charging: false, percent: 32 }),
      }),
    ).toEqual([expect.objectContaining({ severity: 'warning', params: { percent: 32 }, settings: 'power' })]);
    // Held at 60 % or 80 % by a charge limit (conservation mode, optimised charging): normal.
    expect(
      run('hardware.battery-not-charging', {
        'hardware.battery': battery({ onAc: true, charging: false, percent: 60 }),
      }),
    ).toEqual([]);
    expect(
      run('hardware.battery-not-charging', {
        'hardware.battery': battery({ onAc: true, charging: null, percent: 32 }),
      }),
    ).toEqual([]);
    expect(
      run('hardware.battery-not-charging', {
        'hardware.battery': battery({ onAc: false, charging: false, percent: 40 }),
      }),
    ).toEqual([]);
    expect(
      run('hardware.battery-not-charging', {
        'hardware.battery': battery({ onAc: true, charging: true, percent: 40 }),
      }),
    ).toEqual([]);
  });
});

describe('processor and graphics', () => {
  it('warns when the CPU is at 95 % or more', () => {
    expect(run('hardware.cpu-busy', { 'hardware.cpu': cpu(97) })).toEqual([
      expect.objectContaining({ params: { load: 97 } }),
    ]);
    expect(run('hardware.cpu-busy', { 'hardware.cpu': cpu(90) })).toEqual([]);
    expect(run('hardware.cpu-busy', { 'hardware.cpu': cpu(null) })).toEqual([]);
  });

  it('notes a graphics driver older than three years', () => {
    const display = (date: string | null): DisplayData => ({
      gpus: [
        { name: 'Intel UHD 620', vendor: 'Intel', driverVersion: '26', driverDate: date, memoryBytes: null },
      ],
      displays: [],
    });
    expect(run('hardware.gpu-driver-old', { 'hardware.display': display('2020-01-20T00:00:00Z') })).toEqual([
      expect.objectContaining({
        severity: 'info',
        params: { gpu: 'Intel UHD 620', years: 6, date: '2020-01-20' },
      }),
    ]);
    expect(run('hardware.gpu-driver-old', { 'hardware.display': display('2025-06-01T00:00:00Z') })).toEqual(
      [],
    );
    expect(run('hardware.gpu-driver-old', { 'hardware.display': display(null) })).toEqual([]);
    expect(
      run('hardware.gpu-driver-old', { 'hardware.display': display('2018-08-16T00:00:00Z') }, 'linux'),
    ).toEqual([]);
  });
});
