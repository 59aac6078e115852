import { describe, expect, it } from 'vitest';
import { updatesProbe } from '../../../probes/os/updates';
import {
  parseAptHistory,
  parseAptUpgradable,
  parseDnfCheckUpdate,
  parseRpmLast,
  windowsServiceState,
} from '../../../probes/os/updates/parse';
import type { Platform } from '../../../probes/types';
import { runOnFixture } from '../../support/fixtures';

const cases: { platform: Platform; scenario: string; status: string; expect: Record<string, unknown> }[] = [
  {
    platform: 'linux',
    scenario: 'debian12-kvm',
    status: 'ok',
    expect: {
      source: 'apt',
      lastInstalledAt: '2026-11-24T19:12:47',
      pendingCount: 135,
      pendingSecurityCount: 81,
      lastCheckedAt: null,
      serviceState: 'unknown',
    },
  },
  {
    platform: 'win32',
    scenario: 'win11-current',
    status: 'ok',
    expect: {
      lastInstalledAt: '2026-11-11T09:14:02.0000000Z',
      lastInstalledTitle: expect.stringContaining('KB5068861'),
      daysSinceLastInstall: 13,
      pendingCount: 0,
      serviceState: 'running',
    },
  },
  {
    platform: 'win32',
    scenario: 'win10-stale-disabled',
    status: 'partial',
    expect: {
      lastInstalledTitle: 'KB5062554',
      daysSinceLastInstall: 132,
      pendingCount: null,
      serviceState: 'disabled',
    },
  },
  {
    platform: 'darwin',
    scenario: 'macos15',
    status: 'ok',
    expect: {
      lastInstalledTitle: 'macOS Sequoia 15.7.2 15.7.2',
      daysSinceLastInstall: 18,
      pendingCount: 1,
      pendingSecurityCount: 0,
      lastCheckedAt: '2026-11-24T05:30:12.000Z',
    },
  },
];

describe('os.updates on real-output fixtures', () => {
  it.each(cases)('$platform $scenario', async ({ platform, scenario, status, expect: expected }) => {
    const envelope = await runOnFixture(updatesProbe, platform, scenario);
    expect(envelope.status).toBe(status);
    expect(envelope.data).toMatchObject(expected);
  });
});

describe('update parsers', () => {
  it('finds the last apt run that installed something', () => {
    const log =
      'Start-Date: 2026-11-01  10:00:00\nCommandline: /usr/bin/unattended-upgrade\nUpgrade: a:amd64 (1, 2), b:amd64 (1, 2)\nEnd-Date: 2026-11-01  10:01:00\n\nStart-Date: 2026-11-02  10:00:00\nCommandline: apt-get remove x\nRemove: x:amd64 (1)\nEnd-Date: 2026-11-02  10:00:05\n';
    expect(parseAptHistory(log)).toEqual({
      date: '2026-11-01T10:01:00',
      title: 'unattended-upgrades: 2 upgraded, 0 installed',
    });
    expect(parseAptHistory('')).toBeNull();
  });

  it('counts upgradable and security packages', () => {
    const list =
      'Listing...\nbash/jammy-updates 5.1-6ubuntu1.1 amd64 [upgradable from: 5.1-6ubuntu1]\nopenssl/jammy-updates,jammy-security 3.0.2-0ubuntu1.18 amd64 [upgradable from: 3.0.2-0ubuntu1.15]\n';
    expect(parseAptUpgradable(list)).toEqual({ count: 2, security: 1 });
  });

  it('reads rpm and dnf output', () => {
    expect(
      parseRpmLast(
        'kernel-core-6.11.4-301.fc41.x86_64   Mon 04 Nov 2024 09:12:01 AM UTC\nbash-5.2 Sun 03 Nov 2024 10:00:00 AM UTC\n',
      ),
    ).toEqual({ date: '2024-11-04T09:12:01.000Z', title: 'kernel-core-6.11.4-301.fc41.x86_64' });
    expect(
      parseDnfCheckUpdate(
        '\nbash.x86_64    5.2.26-3.fc41    updates\nopenssl.x86_64  1:3.2.2-9.fc41  updates\n',
      ),
    ).toBe(2);
  });

  it('reads Windows service codes', () => {
    expect(windowsServiceState(4, 1)).toBe('disabled');
    expect(windowsServiceState(3, 4)).toBe('running');
    expect(windowsServiceState(2, 1)).toBe('stopped');
  });
});
