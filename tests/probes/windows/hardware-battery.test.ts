/**
 * hardware.battery on Windows: hardware-battery.ps1 run for real under pwsh (FullLanguage and
 * ConstrainedLanguage) with Win32_Battery and the root\wmi battery classes rebuilt from real values.
 * Every battery counts, not only the first.
 */
import { describe, expect, it } from 'vitest';
import { batteryProbe, type BatteryData } from '../../../probes/hardware/battery';
import { LANGUAGE_MODES, pwshSupport, runOnStubs } from '../../support/pwsh';

const pwsh = pwshSupport();
const TIMEOUT = 30_000;

describe.skipIf(pwsh.skip)(`hardware.battery on Windows under pwsh ${pwsh.reason}`, () => {
  it.each(LANGUAGE_MODES)(
    '%s: an XPS 15 on battery at 80 %, worn to 52.7 % of its design capacity',
    async (mode) => {
      const envelope = await runOnStubs(batteryProbe, 'xps15-discharging-worn', mode);
      expect(envelope.error).toBeNull();
      expect(envelope.status).toBe('ok');
      expect(envelope.gaps).toEqual([]);
      expect(envelope.data as BatteryData).toEqual({
        present: true,
        percent: 80,
        charging: false,
        onAc: false,
        designCapacityMwh: 83995,
        fullChargeCapacityMwh: 44232,
        healthPercent: 52.7,
        cycleCount: null,
        condition: null,
      });
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s: a ThinkPad with two batteries on AC: both design capacities count (2 × 23480 mWh)',
    async (mode) => {
      const envelope = await runOnStubs(batteryProbe, 'thinkpad-two-batteries-on-ac', mode);
      expect(envelope.status).toBe('ok');
      expect(envelope.data as BatteryData).toEqual({
        present: true,
        percent: 100,
        // BatteryStatus 2 is "on AC", which does not say whether it charges.
        charging: null,
        onAc: true,
        designCapacityMwh: 46960,
        fullChargeCapacityMwh: null,
        healthPercent: null,
        cycleCount: null,
        condition: null,
      });
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s: a desktop without a battery is ok with present: false, not a failure',
    async (mode) => {
      const envelope = await runOnStubs(batteryProbe, 'desktop-no-battery', mode);
      expect(envelope.status).toBe('ok');
      expect(envelope.gaps).toEqual([]);
      expect(envelope.data).toMatchObject({ present: false, percent: null });
    },
    TIMEOUT,
  );
});
