import { describe, expect, it } from 'vitest';
import { memoryProbe } from '../../../probes/hardware/memory';
import { linuxMemory, parsePsi, pressureFromAvailable, pressureFromCommit, pressureFromPsi } from '../../../probes/hardware/memory/parse';
import type { Platform } from '../../../probes/types';
import { runOnFixture } from '../../support/fixtures';

const cases: { platform: Platform; scenario: string; status?: string; expect: Record<string, unknown> }[] = [
  { platform: 'linux', scenario: 'debian12-kvm-24g', expect: { totalBytes: 24683656 * 1024, availableBytes: 24306624 * 1024, swapTotalBytes: 0, pressure: 'normal', pressureSource: 'psi', psiSomeAvg60: 0 } },
  { platform: 'win32', scenario: 'win11-23h2-16gb-pressure', expect: { totalBytes: 16497716 * 1024, availableBytes: 538968064, pressure: 'high', pressureSource: 'commit', hardFaultsPerSecond: 1423, swapTotalBytes: 8192 * 1024 * 1024 } },
  { platform: 'win32', scenario: 'ws2022-no-counters', status: 'partial', expect: { commitBytes: null, pressureSource: 'available', pressure: 'normal', swapTotalBytes: null } },
  { platform: 'darwin', scenario: 'macos14-m1-air-8gb', expect: { totalBytes: 8589934592, pressure: 'elevated', pressureSource: 'macos-level', swapUsedBytes: Math.round(2361.75 * 1024 * 1024) } },
];

describe('hardware.memory on real-output fixtures', () => {
  it.each(cases)('$platform $scenario', async ({ platform, scenario, status = 'ok', expect: expected }) => {
    const envelope = await runOnFixture(memoryProbe, platform, scenario);
    expect(envelope.status).toBe(status);
    expect(envelope.data).toMatchObject(expected);
  });
});

describe('memory pressure', () => {
  it.each([
    [0, 'normal'],
    [5, 'elevated'],
    [19.9, 'elevated'],
    [20, 'high'],
  ] as const)('PSI some avg60 %s%% is %s', (psi, level) => expect(pressureFromPsi(psi)).toBe(level));

  it('judges available memory and the commit charge', () => {
    expect(pressureFromAvailable(4, 100)).toBe('high');
    expect(pressureFromAvailable(10, 100)).toBe('elevated');
    expect(pressureFromAvailable(50, 100)).toBe('normal');
    expect(pressureFromCommit(96, 100)).toBe('high');
    expect(pressureFromCommit(86, 100)).toBe('elevated');
    expect(pressureFromCommit(50, 100)).toBe('normal');
    expect(pressureFromAvailable(1, 0)).toBeNull();
  });

  it('takes the worse of PSI and available memory', () => {
    const low = 'MemTotal: 1000 kB\nMemAvailable: 30 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n';
    expect(linuxMemory(low, 'some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n').pressure).toBe('high');
  });

  it('reads PSI and ignores anything else', () => {
    expect(parsePsi('some avg10=1.00 avg60=7.25 avg300=2.00 total=123\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n')).toBe(7.25);
    expect(parsePsi('garbage')).toBeNull();
  });

  it('falls back to free + cache on kernels without MemAvailable', () => {
    expect(linuxMemory('MemTotal: 100 kB\nMemFree: 10 kB\nCached: 20 kB\nBuffers: 5 kB\n', null).availableBytes).toBe(35 * 1024);
  });
});
