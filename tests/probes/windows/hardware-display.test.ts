/**
 * hardware.display on Windows: hardware-display.ps1 run for real under pwsh (FullLanguage and
 * ConstrainedLanguage) with Win32_VideoController rebuilt from real captures. The driver key's
 * qwMemorySize gives the real memory (AdapterRAM is capped at 32 bits), and an unreadable subkey of
 * the display class key does not end the listing.
 */
import { describe, expect, it } from 'vitest';
import { displayProbe, type DisplayData } from '../../../probes/hardware/display';
import { LANGUAGE_MODES, pwshSupport, runOnStubs } from '../../support/pwsh';

const pwsh = pwshSupport();
const TIMEOUT = 30_000;

describe.skipIf(pwsh.skip)(`hardware.display on Windows under pwsh ${pwsh.reason}`, () => {
  it.each(LANGUAGE_MODES)(
    '%s: an RTX 2060 SUPER has 8 GB (qwMemorySize), not the 4293918720 bytes AdapterRAM caps at, despite an unreadable Properties subkey',
    async (mode) => {
      const envelope = await runOnStubs(displayProbe, 'rtx2060super-8gb', mode);
      expect(envelope.error).toBeNull();
      expect(envelope.status).toBe('ok');
      expect(envelope.gaps).toEqual([]);
      expect(envelope.data as DisplayData).toEqual({
        gpus: [
          {
            name: 'NVIDIA GeForce RTX 2060 SUPER',
            vendor: 'NVIDIA',
            driverVersion: '31.0.15.1694',
            driverDate: '2022-07-21T00:00:00.0000000Z',
            memoryBytes: 8589934592,
          },
        ],
        displays: [{ name: null, resolution: '1920x1080', refreshHz: 60, primary: true, internal: null }],
      });
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s: Intel + NVIDIA seen through a remote session: three adapters, memory from AdapterRAM when the class key cannot be listed',
    async (mode) => {
      const envelope = await runOnStubs(displayProbe, 'intel-nvidia-remote-session', mode);
      expect(envelope.status).toBe('ok');
      const data = envelope.data as DisplayData;
      expect(data.gpus.map((g) => [g.name, g.memoryBytes, g.driverDate])).toEqual([
        ['Microsoft Remote Display Adapter', null, '2006-06-21T00:00:00.0000000Z'],
        ['Intel(R) HD Graphics 4600', 1073741824, '2017-03-08T00:00:00.0000000Z'],
        ['NVIDIA GeForce GTX 950', 2147483648, '2022-03-17T00:00:00.0000000Z'],
      ]);
      expect(data.displays.map((d) => [d.resolution, d.refreshHz])).toEqual([
        ['1920x1080', 32],
        ['1920x1200', 59],
        ['1920x1200', 59],
      ]);
    },
    TIMEOUT,
  );
});
