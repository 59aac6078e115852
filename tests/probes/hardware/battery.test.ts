import { describe, expect, it } from 'vitest';
import { batteryProbe } from '../../../probes/hardware/battery';
import {
  healthPercent,
  linuxBattery,
  macosBattery,
  parseUevent,
  windowsBattery,
} from '../../../probes/hardware/battery/parse';
import type { Platform } from '../../../probes/types';
import { runOnFixture } from '../../support/fixtures';

const cases: { platform: Platform; scenario: string; expect: Record<string, unknown> }[] = [
  {
    platform: 'linux',
    scenario: 'debian12-kvm-no-battery',
    expect: { present: false, percent: null, onAc: null },
  },
  {
    platform: 'linux',
    scenario: 'thinkpad-worn-on-ac',
    // An old kernel without POWER_SUPPLY_TYPE; status "Unknown" says nothing about charging; cycle count 0 means "not reported".
    expect: {
      present: true,
      percent: 32,
      charging: null,
      onAc: true,
      designCapacityMwh: 38920,
      fullChargeCapacityMwh: 25500,
      healthPercent: 65.5,
      cycleCount: null,
      condition: null,
    },
  },
  {
    platform: 'win32',
    scenario: 'win10-xps15-worn',
    expect: {
      present: true,
      percent: 80,
      charging: false,
      onAc: false,
      designCapacityMwh: 83995,
      fullChargeCapacityMwh: 44232,
      healthPercent: 52.7,
      cycleCount: null,
    },
  },
  // BatteryStatus 2 is "on AC, not necessarily charging": charging stays unknown.
  {
    platform: 'win32',
    scenario: 'win-thinkpad-two-batteries-on-ac',
    expect: { present: true, percent: 100, charging: null, onAc: true, healthPercent: null },
  },
  { platform: 'win32', scenario: 'win11-desktop-no-battery', expect: { present: false } },
  {
    platform: 'darwin',
    scenario: 'macos-applesilicon-new-battery',
    expect: {
      present: true,
      percent: 100,
      charging: null,
      onAc: null,
      healthPercent: 100,
      cycleCount: 38,
      condition: 'Good',
    },
  },
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
    const data = linuxBattery([
      parseUevent(
        'POWER_SUPPLY_TYPE=Battery\nPOWER_SUPPLY_PRESENT=1\nPOWER_SUPPLY_VOLTAGE_MIN_DESIGN=11100000\nPOWER_SUPPLY_CHARGE_FULL_DESIGN=4000000\nPOWER_SUPPLY_CHARGE_FULL=3000000\nPOWER_SUPPLY_STATUS=Discharging\n',
      ),
    ]);
    expect(data).toMatchObject({
      designCapacityMwh: 44400,
      fullChargeCapacityMwh: 33300,
      healthPercent: 75,
      onAc: false,
      charging: false,
    });
  });

  it('reads "Not charging" as plugged in and not charging', () => {
    const data = linuxBattery([
      parseUevent(
        'POWER_SUPPLY_TYPE=Battery\nPOWER_SUPPLY_PRESENT=1\nPOWER_SUPPLY_STATUS=Not charging\nPOWER_SUPPLY_CAPACITY=61\n',
      ),
    ]);
    expect(data).toMatchObject({ onAc: true, charging: false, percent: 61 });
  });

  it('ignores peripherals that report a battery (mice, headsets)', () => {
    expect(
      linuxBattery([
        parseUevent('POWER_SUPPLY_TYPE=Battery\nPOWER_SUPPLY_SCOPE=Device\nPOWER_SUPPLY_CAPACITY=40\n'),
      ]).present,
    ).toBe(false);
  });

  it('caps health at 100 % and refuses nonsense', () => {
    expect(healthPercent(52000, 50000)).toBe(100);
    expect(healthPercent(1, 0)).toBeNull();
    expect(healthPercent(null, 100)).toBeNull();
  });

  it('prefers root\\wmi BatteryStatus to the Win32_Battery code', () => {
    const json = {
      batteries: [{ estimatedChargeRemaining: 40, batteryStatus: 2 }],
      status: { powerOnline: true, charging: false },
    };
    expect(windowsBattery(json)).toMatchObject({ onAc: true, charging: false, percent: 40 });
  });

  it("reads Apple's maximum capacity with the no-break space macOS writes", () => {
    const json = {
      SPPowerDataType: [
        {
          _name: 'spbattery_information',
          sppower_battery_health_info: {
            sppower_battery_cycle_count: 364,
            sppower_battery_health: 'Good',
            sppower_battery_health_maximum_capacity: '85\u00a0%',
          },
        },
      ],
    };
    expect(macosBattery(json)).toMatchObject({ present: true, healthPercent: 85, cycleCount: 364 });
    expect(macosBattery({ SPPowerDataType: [{ _name: 'sppower_ac_charger_information' }] }).present).toBe(
      false,
    );
  });
});
