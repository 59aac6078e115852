import { describe, expect, it } from 'vitest';
import { batteryProbe } from '../../../probes/hardware/battery';
import { healthPercent, linuxBattery, parseUevent } from '../../../probes/hardware/battery/parse';
import type { Platform } from '../../../probes/types';
import { runOnFixture } from '../../support/fixtures';

const cases: { platform: Platform; scenario: string; expect: Record<string, unknown> }[] = [
  { platform: 'linux', scenario: 'debian12-kvm-no-battery', expect: { present: false, percent: null, onAc: null } },
  { platform: 'linux', scenario: 'thinkpad-t14-worn', expect: { present: true, percent: 73, charging: false, onAc: true, designCapacityMwh: 50000, fullChargeCapacityMwh: 27900, healthPercent: 55.8, cycleCount: 1184 } },
  { platform: 'win32', scenario: 'win11-23h2-latitude-battery', expect: { present: true, percent: 64, charging: true, onAc: true, healthPercent: 92, cycleCount: 213 } },
  { platform: 'win32', scenario: 'win11-desktop-no-battery', expect: { present: false } },
  { platform: 'darwin', scenario: 'macos14-m1-air', expect: { present: true, percent: 58, charging: false, onAc: false, healthPercent: 87, cycleCount: 312, condition: 'Good' } },
];

describe('hardware.battery on real-output fixtures', () => {
  it.each(cases)('$platform $scenario', async ({ platform, scenario, expect: expected }) => {
    const envelope = await runOnFixture(batteryProbe, platform, scenario);
    expect(envelope.status).toBe('ok');
    expect(envelope.data).toMatchObject(expected);
  });
});

describe('battery parsers', () => {
  it('converts charge (µAh) to energy with the design voltage', () => {
    const data = linuxBattery([parseUevent('POWER_SUPPLY_TYPE=Battery\nPOWER_SUPPLY_PRESENT=1\nPOWER_SUPPLY_VOLTAGE_MIN_DESIGN=11100000\nPOWER_SUPPLY_CHARGE_FULL_DESIGN=4000000\nPOWER_SUPPLY_CHARGE_FULL=3000000\nPOWER_SUPPLY_STATUS=Discharging\n')]);
    expect(data).toMatchObject({ designCapacityMwh: 44400, fullChargeCapacityMwh: 33300, healthPercent: 75, onAc: false, charging: false });
  });

  it('ignores peripherals that report a battery (mice, headsets)', () => {
    expect(linuxBattery([parseUevent('POWER_SUPPLY_TYPE=Battery\nPOWER_SUPPLY_SCOPE=Device\nPOWER_SUPPLY_CAPACITY=40\n')]).present).toBe(false);
  });

  it('caps health at 100 % and refuses nonsense', () => {
    expect(healthPercent(52000, 50000)).toBe(100);
    expect(healthPercent(1, 0)).toBeNull();
    expect(healthPercent(null, 100)).toBeNull();
  });
});
