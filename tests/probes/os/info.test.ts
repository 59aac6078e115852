import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { osInfoProbe } from '../../../probes/os/info';
import { supportStatus } from '../../../probes/os/info/lifecycle';
import { macosInfo, windowsChannel } from '../../../probes/os/info/parse';
import type { Platform } from '../../../probes/types';
import { FIXTURES_ROOT, parseFixtureFile, runOnFixture } from '../../support/fixtures';

// The fixture context's clock says 2026-11-24.
const cases: { platform: Platform; scenario: string; expect: Record<string, unknown> }[] = [
  {
    platform: 'linux',
    scenario: 'debian12-kvm',
    expect: {
      name: 'Debian GNU/Linux 12 (bookworm)',
      version: '12.11',
      edition: 'debian',
      architecture: 'x64',
      hostname: 'vm',
      supportStatus: 'supported',
      supportEndsOn: '2028-06-30',
    },
  },
  {
    platform: 'win32',
    scenario: 'win11-25h2-pro',
    expect: {
      name: 'Windows 11 Pro',
      version: '25H2',
      build: '26200.7171',
      edition: 'Professional',
      architecture: 'x64',
      domain: null,
      supportStatus: 'supported',
      supportEndsOn: '2027-10-12',
    },
  },
  {
    platform: 'win32',
    scenario: 'win11-23h2-enterprise',
    expect: {
      name: 'Windows 11 Enterprise',
      version: '23H2',
      domain: 'corp.contoso.com',
      supportStatus: 'unsupported',
      supportEndsOn: '2026-11-10',
    },
  },
  {
    platform: 'win32',
    scenario: 'ws2022-datacenter',
    expect: {
      name: 'Windows Server 2022 Datacenter',
      supportStatus: 'supported',
      supportEndsOn: '2031-10-14',
    },
  },
  {
    platform: 'darwin',
    scenario: 'macos14-sonoma',
    expect: {
      name: 'macOS 14.7.1',
      build: '23H222',
      architecture: 'arm64',
      supportStatus: 'unsupported',
      supportNote: expect.stringContaining('Approximate'),
    },
  },
];

describe('os.info on real-output fixtures', () => {
  it.each(cases)('$platform $scenario', async ({ platform, scenario, expect: expected }) => {
    const envelope = await runOnFixture(osInfoProbe, platform, scenario);
    expect(envelope.status).toBe('ok');
    expect(envelope.data).toMatchObject(expected);
  });
});

describe('support status', () => {
  const today = new Date('2026-11-24T10:00:00Z');
  it('tells Home/Pro from Enterprise dates for the same Windows build', () => {
    expect(
      supportStatus({ family: 'windows', id: '26100', version: '24H2', channel: 'home-pro' }, today).status,
    ).toBe('unsupported');
    expect(
      supportStatus({ family: 'windows', id: '26100', version: '24H2', channel: 'enterprise' }, today).status,
    ).toBe('supported');
    expect(
      supportStatus({ family: 'windows', id: '26100', version: '24H2', channel: 'ltsc' }, today).endsOn,
    ).toBe('2029-10-09');
  });

  it('warns within 90 days of the end', () => {
    expect(supportStatus({ family: 'linux', id: 'fedora', version: '43', channel: null }, today).status).toBe(
      'ending-soon',
    );
  });

  it('says unknown rather than guessing', () => {
    expect(
      supportStatus({ family: 'linux', id: 'gentoo', version: '2.17', channel: null }, today).status,
    ).toBe('unknown');
    expect(supportStatus({ family: 'macos', id: '30', version: '30.0', channel: null }, today).status).toBe(
      'supported',
    );
  });

  it('reads the Windows servicing channel from EditionID and ProductType', () => {
    expect(windowsChannel('EnterpriseS', 1)).toBe('ltsc');
    expect(windowsChannel('Education', 1)).toBe('enterprise');
    expect(windowsChannel('Core', 1)).toBe('home-pro');
    expect(windowsChannel('ServerStandard', 3)).toBe('server');
  });
});

// Real sw_vers output from macOS 10.15 to 26 (tests/fixtures/macos/sw_vers, each naming its source).
describe('os.info on macOS, real sw_vers', () => {
  const today = new Date('2026-11-24T10:00:00Z');
  const parts = { hostname: 'mac', kernel: null, arch: 'arm64' };
  const sample = (name: string) =>
    parseFixtureFile(join(FIXTURES_ROOT, 'macos', 'sw_vers', `${name}.txt`)).body;
  it.each([
    ['macos10.15.5', 'Mac OS X 10.15.5', '10.15.5', '19F101'],
    ['macos15.0', 'macOS 15.0', '15.0', '24A335'],
    ['macos26.5', 'macOS 26.5', '26.5', '25F71'],
    // A Rapid Security Response is part of the version: 13.3.1 (a) is patched, 13.3.1 is not.
    ['macos13.3.1-rsr', 'macOS 13.3.1 (a)', '13.3.1 (a)', '22E772610a'],
  ])('%s', (name, fullName, version, build) => {
    expect(macosInfo(sample(name), parts, today)).toMatchObject({
      name: fullName,
      version,
      build,
      family: 'macos',
    });
  });
});
