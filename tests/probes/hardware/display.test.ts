import { describe, expect, it } from 'vitest';
import { displayProbe } from '../../../probes/hardware/display';
import { decodeWmiString, macosDisplay, windowsDisplay } from '../../../probes/hardware/display/parse';
import type { Platform } from '../../../probes/types';
import { runOnFixture } from '../../support/fixtures';

const cases: { platform: Platform; scenario: string; expect: Record<string, unknown> }[] = [
  { platform: 'linux', scenario: 'debian12-kvm-headless', expect: { gpus: [], displays: [] } },
  {
    platform: 'linux',
    scenario: 'linux-amd-two-gpus-lg-tv',
    expect: {
      gpus: [
        expect.objectContaining({
          name: 'Device 744c',
          vendor: 'Advanced Micro Devices, Inc. [AMD/ATI]',
          memoryBytes: 32768 * 1024 ** 2,
          driverDate: null,
        }),
        expect.objectContaining({ name: 'Device 164e' }),
      ],
      displays: [
        { name: 'LG TV SSCR2', resolution: '3840x2160', refreshHz: 120, primary: true, internal: false },
      ],
    },
  },
  {
    platform: 'win32',
    scenario: 'win-hd5500-old-driver',
    // No monitor list was published: the adapter's current mode stands for its one screen.
    expect: {
      gpus: [
        {
          name: 'Intel(R) HD Graphics 5500',
          vendor: 'Intel Corporation',
          driverVersion: '20.19.15.5058',
          driverDate: '2018-08-16T00:00:00.0000000Z',
          memoryBytes: null,
        },
      ],
      displays: [{ name: null, resolution: '2880x1620', refreshHz: null, primary: true, internal: null }],
    },
  },
  {
    platform: 'darwin',
    scenario: 'macos-m3pro-dell-u2722de',
    expect: {
      gpus: [
        { name: 'Apple M3 Pro', vendor: null, driverVersion: null, driverDate: null, memoryBytes: null },
      ],
      displays: [
        { name: 'DELL U2722DE', resolution: '2560x1440', refreshHz: 60, primary: true, internal: false },
      ],
    },
  },
];

describe('hardware.display on real-output fixtures', () => {
  it.each(cases)('$platform $scenario', async ({ platform, scenario, expect: expected }) => {
    const envelope = await runOnFixture(displayProbe, platform, scenario);
    expect(envelope.status).toBe('ok');
    expect(envelope.data).toMatchObject(expected);
  });
});

describe('display parsers', () => {
  const chars = (text: string, length = 13): number[] =>
    [...text].map((c) => c.charCodeAt(0)).concat(Array(Math.max(0, length - text.length)).fill(0));

  it("decodes WmiMonitorID's zero-padded UInt16 arrays", () => {
    expect(decodeWmiString(chars('Dell S2417DG'))).toBe('Dell S2417DG');
    expect(decodeWmiString(chars(''))).toBeNull();
    expect(decodeWmiString(null)).toBeNull();
  });

  it('lists each monitor Windows sees, with its connection, and only guesses the mode for a single screen', () => {
    const adapter = {
      name: 'NVIDIA GeForce GTX 1070',
      horizontalResolution: 2560,
      verticalResolution: 1440,
      refreshRate: 165,
    };
    const monitor = (name: string, videoOutputTechnology: number) => ({
      name: chars(name),
      manufacturer: chars('DEL', 4),
      videoOutputTechnology,
    });
    // Two Dell S2417DG on DisplayPort (10), as in github.com/MartinGC94/DisplayConfig/issues/22.
    const two = windowsDisplay({
      adapters: [adapter],
      monitors: [monitor('Dell S2417DG', 10), monitor('Dell S2417DG', 10)],
    });
    expect(two.displays).toEqual([
      { name: 'Dell S2417DG', resolution: null, refreshHz: null, primary: null, internal: false },
      { name: 'Dell S2417DG', resolution: null, refreshHz: null, primary: null, internal: false },
    ]);
    const laptop = windowsDisplay({
      adapters: [adapter],
      monitors: [{ name: chars(''), manufacturer: chars('LGD', 4), videoOutputTechnology: 2147483648 }],
    });
    expect(laptop.displays).toEqual([
      { name: 'LGD', resolution: '2560x1440', refreshHz: 165, primary: true, internal: true },
    ]);
  });

  it('reads a built-in Retina panel on a Mac', () => {
    const json = {
      SPDisplaysDataType: [
        {
          _name: 'kHW_AppleM1Item',
          sppci_model: 'Apple M1',
          spdisplays_vendor: 'sppci_vendor_Apple',
          spdisplays_ndrvs: [
            {
              _name: 'Color LCD',
              _spdisplays_resolution: '1440 x 900 @ 60.00Hz',
              spdisplays_connection_type: 'spdisplays_internal',
              spdisplays_main: 'spdisplays_yes',
            },
          ],
        },
      ],
    };
    expect(macosDisplay(json)).toEqual({
      gpus: [{ name: 'Apple M1', vendor: 'Apple', driverVersion: null, driverDate: null, memoryBytes: null }],
      displays: [{ name: 'Color LCD', resolution: '1440x900', refreshHz: 60, primary: true, internal: true }],
    });
  });
});
