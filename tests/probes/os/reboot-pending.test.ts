import { describe, expect, it } from 'vitest';
import { rebootPendingProbe } from '../../../probes/os/reboot-pending';
import { compareKernels, kernelUpdated } from '../../../probes/os/reboot-pending/parse';
import type { Platform } from '../../../probes/types';
import { runOnFixture } from '../../support/fixtures';

const cases: { platform: Platform; scenario: string; pending: boolean; codes: string[] }[] = [
  { platform: 'linux', scenario: 'debian12-kvm', pending: false, codes: [] },
  {
    platform: 'linux',
    scenario: 'ubuntu2404-new-kernel',
    pending: true,
    codes: ['packages', 'kernel-updated'],
  },
  {
    platform: 'win32',
    scenario: 'win11-after-patch-tuesday',
    pending: true,
    codes: ['cbs', 'windows-update', 'file-rename'],
  },
  { platform: 'win32', scenario: 'win11-clean', pending: false, codes: [] },
  { platform: 'darwin', scenario: 'macos14-update-waiting', pending: true, codes: ['os-update'] },
];

describe('os.reboot-pending on real-output fixtures', () => {
  it.each(cases)('$platform $scenario', async ({ platform, scenario, pending, codes }) => {
    const envelope = await runOnFixture(rebootPendingProbe, platform, scenario);
    expect(envelope.status).toBe('ok');
    const data = envelope.data as { pending: boolean; reasons: { code: string; description: string }[] };
    expect(data.pending).toBe(pending);
    expect(data.reasons.map((r) => r.code)).toEqual(codes);
    for (const reason of data.reasons) expect(reason.description.length).toBeGreaterThan(20);
  });
});

describe('kernel updates', () => {
  it('orders kernel releases by their numbers', () => {
    expect(compareKernels('6.1.0-30-amd64', '6.1.0-28-amd64')).toBeGreaterThan(0);
    expect(compareKernels('5.15.0-100-generic', '5.15.0-99-generic')).toBeGreaterThan(0);
  });

  it('says nothing when the running kernel is not among the installed ones (containers, outside kernels)', () => {
    expect(kernelUpdated('6.18.44-fc-v782', ['6.1.0-28-amd64'])).toBe(false);
    expect(kernelUpdated('6.1.0-28-amd64', ['6.1.0-28-amd64', '6.1.0-30-amd64'])).toBe(true);
    expect(kernelUpdated('6.1.0-30-amd64', ['6.1.0-28-amd64', '6.1.0-30-amd64'])).toBe(false);
  });
});
