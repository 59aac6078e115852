import { describe, expect, it } from 'vitest';
import { cpuProbe } from '../../../probes/hardware/cpu';
import { loadBetween, normalizeArchitecture, parseProcStatCpu } from '../../../probes/hardware/cpu/parse';
import type { Platform } from '../../../probes/types';
import { runOnFixture } from '../../support/fixtures';

const cases: { platform: Platform; scenario: string; expect: Record<string, unknown> }[] = [
  {
    platform: 'linux',
    scenario: 'debian12-kvm-epyc',
    expect: {
      model: 'AMD EPYC',
      vendor: 'AuthenticAMD',
      architecture: 'x64',
      logicalCores: 2,
      physicalCores: 2,
      virtualMachine: true,
      baseSpeedMHz: 2445,
    },
  },
  {
    platform: 'win32',
    scenario: 'win11-23h2-latitude7420',
    expect: {
      model: '11th Gen Intel(R) Core(TM) i7-1185G7 @ 3.00GHz',
      architecture: 'x64',
      physicalCores: 4,
      logicalCores: 8,
      loadPercent: 7,
      // HypervisorPresent is true (VBS), but a Latitude is not a virtual machine.
      virtualMachine: false,
    },
  },
  {
    platform: 'win32',
    scenario: 'ws2022-dual-socket',
    expect: { physicalCores: 48, logicalCores: 96, loadPercent: 15, virtualMachine: false },
  },
  {
    platform: 'darwin',
    scenario: 'macos14-m1-air',
    expect: {
      model: 'Apple M1',
      vendor: 'Apple',
      architecture: 'arm64',
      logicalCores: 8,
      baseSpeedMHz: null,
      loadPercent: 2,
      virtualMachine: false,
    },
  },
];

describe('hardware.cpu on real-output fixtures', () => {
  it.each(cases)('$platform $scenario', async ({ platform, scenario, expect: expected }) => {
    const envelope = await runOnFixture(cpuProbe, platform, scenario);
    expect(envelope.error).toBeNull();
    expect(envelope.status).toBe('ok');
    expect(envelope.data).toMatchObject(expected);
  });
});

describe('hardware.cpu parsers', () => {
  it('computes CPU use between two /proc/stat samples', () => {
    const before = parseProcStatCpu('cpu  100 0 100 800 0 0 0 0 0 0\n');
    const after = parseProcStatCpu('cpu  150 0 150 900 0 0 0 0 0 0\n');
    expect(before && after && loadBetween(before, after)).toBe(50);
  });

  it('gives no load when the two samples are the same', () => {
    const sample = parseProcStatCpu('cpu  1 2 3 4 5 6 7 8\n');
    expect(sample && loadBetween(sample, sample)).toBeNull();
  });

  it('refuses a /proc/stat without an aggregate cpu line', () => {
    expect(parseProcStatCpu('intr 1 2 3\n')).toBeNull();
  });

  it.each([
    ['x86_64', 'x64'],
    ['aarch64', 'arm64'],
    ['i686', 'x86'],
    ['armv7l', 'arm'],
  ])('names architecture %s as %s', (raw, expected) => {
    expect(normalizeArchitecture(raw)).toBe(expected);
  });
});
