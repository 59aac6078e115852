import { describe, expect, it } from 'vitest';
import { displayProbe } from '../../../probes/hardware/display';
import type { Platform } from '../../../probes/types';
import { runOnFixture } from '../../support/fixtures';

const cases: { platform: Platform; scenario: string; expect: Record<string, unknown> }[] = [
  { platform: 'linux', scenario: 'debian12-kvm-headless', expect: { gpus: [], displays: [] } },
  { platform: 'linux', scenario: 'ubuntu2404-xps13', expect: { gpus: [expect.objectContaining({ vendor: 'Intel Corporation', memoryBytes: null })], displays: [{ name: 'eDP-1', resolution: '1920x1200', refreshHz: 59.95, primary: true, internal: true }] } },
  { platform: 'win32', scenario: 'win11-23h2-old-driver', expect: { gpus: [expect.objectContaining({ name: 'Intel(R) UHD Graphics 620', driverDate: '2020-01-20T00:00:00.0000000Z', memoryBytes: 1073741824 })], displays: [{ name: 'LG Display 0x0637', resolution: '1920x1080', refreshHz: 60, primary: true, internal: true }] } },
  { platform: 'darwin', scenario: 'macos14-m1-air', expect: { gpus: [expect.objectContaining({ name: 'Apple M1', vendor: 'Apple' })], displays: [{ name: 'Color LCD', resolution: '1440x900', refreshHz: 60, primary: true, internal: true }] } },
];

describe('hardware.display on real-output fixtures', () => {
  it.each(cases)('$platform $scenario', async ({ platform, scenario, expect: expected }) => {
    const envelope = await runOnFixture(displayProbe, platform, scenario);
    expect(envelope.status).toBe('ok');
    expect(envelope.data).toMatchObject(expected);
  });
});
