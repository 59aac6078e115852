import { describe, expect, it } from 'vitest';
import { memoryProbe } from '../../../probes/hardware/memory';
import {
  darwinMemory,
  linuxMemory,
  parseDarwinSysctl,
  parsePsi,
  parseVmStat,
  pressureFromAvailable,
  pressureFromCommit,
  pressureFromPsi,
  windowsMemory,
} from '../../../probes/hardware/memory/parse';
import type { Platform } from '../../../probes/types';
import { runOnFixture } from '../../support/fixtures';

const cases: { platform: Platform; scenario: string; status?: string; expect: Record<string, unknown> }[] = [
  {
    platform: 'linux',
    scenario: 'debian12-kvm-24g',
    expect: {
      totalBytes: 24683656 * 1024,
      availableBytes: 24306624 * 1024,
      swapTotalBytes: 0,
      pressure: 'normal',
      pressureSource: 'psi',
      psiSomeAvg10: 0,
      psiSomeAvg60: 0,
      macosPressureLevel: null,
    },
  },
  {
    platform: 'win32',
    scenario: 'windows-24gb-elevated',
    // Commit is at 54 % of its limit (normal) but only 12 % of memory is available (elevated): the worse one wins.
    expect: {
      totalBytes: 25165368 * 1024,
      availableBytes: 3187675234,
      usedPercent: 87.6,
      commitBytes: 24553013117,
      commitLimitBytes: 45094780535,
      pressure: 'elevated',
      pressureSource: 'available',
      swapTotalBytes: null,
      hardFaultsPerSecond: null,
    },
  },
  {
    platform: 'win32',
    scenario: 'windows-8gb-no-counters',
    status: 'partial',
    expect: {
      totalBytes: 8388152 * 1024,
      usedPercent: 39.6,
      commitBytes: null,
      pressureSource: 'available',
      pressure: 'normal',
      swapTotalBytes: null,
    },
  },
  {
    platform: 'darwin',
    scenario: 'macos-ec2-macmini8-32gb',
    // vm_stat's own header says 4 KB pages (an Intel Mac): free + inactive + speculative + purgeable.
    expect: {
      totalBytes: 34359738368,
      availableBytes: (6127229 + 628646 + 430715 + 11820) * 4096,
      usedPercent: 14.2,
      pressure: 'normal',
      pressureSource: 'macos-level',
      macosPressureLevel: 1,
      swapTotalBytes: 0,
      swapUsedBytes: 0,
    },
  },
];

describe('hardware.memory on real-output fixtures', () => {
  it.each(cases)('$platform $scenario', async ({ platform, scenario, status = 'ok', expect: expected }) => {
    const envelope = await runOnFixture(memoryProbe, platform, scenario);
    expect(envelope.status).toBe(status);
    expect(envelope.data).toMatchObject(expected);
  });

  it('says which part Windows could not read', async () => {
    const envelope = await runOnFixture(memoryProbe, 'win32', 'windows-8gb-no-counters');
    expect(envelope.gaps).toEqual([expect.objectContaining({ part: 'counters', code: 'command-failed' })]);
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
    expect(pressureFromAvailable(null, 100)).toBeNull();
  });

  it('takes the worse of PSI and available memory, and names the signal it came from', () => {
    const low = 'MemTotal: 1000 kB\nMemAvailable: 30 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n';
    expect(linuxMemory(low, 'some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n')).toMatchObject({
      pressure: 'high',
      pressureSource: 'available',
    });
    const roomy = 'MemTotal: 1000 kB\nMemAvailable: 600 kB\n';
    expect(linuxMemory(roomy, 'some avg10=31.00 avg60=22.50 avg300=4.00 total=99\n')).toMatchObject({
      pressure: 'high',
      pressureSource: 'psi',
      psiSomeAvg10: 31,
      psiSomeAvg60: 22.5,
    });
  });

  it('reads PSI and ignores anything else', () => {
    expect(
      parsePsi(
        'some avg10=1.00 avg60=7.25 avg300=2.00 total=123\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n',
      ),
    ).toEqual({ avg10: 1, avg60: 7.25 });
    expect(parsePsi('garbage')).toBeNull();
  });

  it('falls back to free + cache on kernels without MemAvailable', () => {
    expect(
      linuxMemory('MemTotal: 100 kB\nMemFree: 10 kB\nCached: 20 kB\nBuffers: 5 kB\n', null).availableBytes,
    ).toBe(35 * 1024);
  });

  it('reads the commit charge as high on Windows near its limit', () => {
    const data = windowsMemory({
      os: { totalVisibleMemoryKb: 16 * 1024 * 1024 },
      perf: { availableBytes: 4 * 1024 ** 3, committedBytes: 97, commitLimit: 100, pageReadsPerSec: 812 },
    });
    expect(data).toMatchObject({ pressure: 'high', pressureSource: 'commit', hardFaultsPerSecond: 812 });
  });

  it('does not invent available memory when Windows gives none', () => {
    expect(windowsMemory({ os: { totalVisibleMemoryKb: 1024 }, perf: null })).toMatchObject({
      availableBytes: null,
      usedPercent: null,
      pressure: null,
      pressureSource: null,
    });
  });
});

describe('macOS memory', () => {
  it('reads swap and the pressure level as sysctl prints them under load', () => {
    // Real values from a 48 GiB Mac under load, quoted in a public test: level 2 (warning) and 11.6 GB of swap.
    const sysctl = '51539607552\ntotal = 13312.00M  used = 11625.69M  free = 1686.31M  (encrypted)\n2\n';
    expect(parseDarwinSysctl(sysctl)).toEqual({
      total: 51539607552,
      swapTotal: 13312 * 1024 ** 2,
      swapUsed: Math.round(11625.69 * 1024 ** 2),
      level: 2,
    });
    expect(darwinMemory(sysctl, 'no vm_stat today')).toMatchObject({
      pressure: 'elevated',
      pressureSource: 'macos-level',
      macosPressureLevel: 2,
      availableBytes: null,
      usedPercent: null,
    });
  });

  it('takes the page size from vm_stat itself and refuses output without one', () => {
    expect(
      parseVmStat(
        'Mach Virtual Memory Statistics: (page size of 16384 bytes)\nPages free:   10.\nPages inactive:  5.\n',
      ),
    ).toBe(15 * 16384);
    expect(parseVmStat('Pages free: 10.\n')).toBeNull();
  });
});
