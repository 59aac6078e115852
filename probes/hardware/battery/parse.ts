/**
 * Pure parsers for hardware.battery. "No battery" is data (present: false), not a failure.
 */
import { asArray, asBoolean, asInteger, asNumber, asString, prop, round } from '../../util/parse';

export interface BatteryData {
  present: boolean;
  percent: number | null;
  charging: boolean | null;
  onAc: boolean | null;
  designCapacityMwh: number | null;
  fullChargeCapacityMwh: number | null;
  /** Full-charge capacity as a share of the design capacity: 100 when new, lower as it wears. */
  healthPercent: number | null;
  cycleCount: number | null;
  /** The OS's own word for the battery's condition, when it has one ("Good", "Service Recommended"). */
  condition: string | null;
}

export const NO_BATTERY: BatteryData = {
  present: false,
  percent: null,
  charging: null,
  onAc: null,
  designCapacityMwh: null,
  fullChargeCapacityMwh: null,
  healthPercent: null,
  cycleCount: null,
  condition: null,
};

export function healthPercent(full: number | null, design: number | null): number | null {
  if (full === null || design === null || design <= 0) return null;
  // Some batteries report more than their design when new; more than 100 % says nothing useful.
  return Math.min(100, round((full / design) * 100));
}

/** A sysfs uevent file: POWER_SUPPLY_KEY=value lines. */
export function parseUevent(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^POWER_SUPPLY_([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] && match[2] !== undefined) values.set(match[1], match[2]);
  }
  return values;
}

/**
 * A power supply's type. Older kernels do not print POWER_SUPPLY_TYPE in uevent (it is only in the
 * `type` file), so it is inferred: a supply with a charge level is a battery, one that is only
 * online or offline is a mains adapter.
 */
function supplyType(device: ReadonlyMap<string, string>): string | undefined {
  const type = device.get('TYPE');
  if (type !== undefined) return type;
  if (['CAPACITY', 'ENERGY_FULL', 'CHARGE_FULL', 'ENERGY_NOW', 'CHARGE_NOW'].some((key) => device.has(key)))
    return 'Battery';
  return device.has('ONLINE') ? 'Mains' : undefined;
}

/**
 * Linux power_supply devices (already read): the first battery, and whether any mains supply is
 * online. Energy is µWh; batteries that report charge (µAh) are converted with their design voltage.
 */
export function linuxBattery(devices: readonly Map<string, string>[]): BatteryData {
  const battery = devices.find((d) => supplyType(d) === 'Battery' && d.get('SCOPE') !== 'Device');
  const mains = devices.filter((d) => supplyType(d) === 'Mains' || supplyType(d) === 'USB');
  const onAc = mains.length ? mains.some((d) => d.get('ONLINE') === '1') : null;
  if (!battery || battery.get('PRESENT') === '0') return { ...NO_BATTERY, onAc };
  const volts = (asNumber(battery.get('VOLTAGE_MIN_DESIGN')) ?? 0) / 1_000_000;
  const mwh = (energy: string, charge: string): number | null => {
    const e = asNumber(battery.get(energy));
    if (e !== null) return Math.round(e / 1000);
    const c = asNumber(battery.get(charge));
    return c !== null && volts > 0 ? Math.round((c / 1000) * volts) : null;
  };
  const design = mwh('ENERGY_FULL_DESIGN', 'CHARGE_FULL_DESIGN');
  const full = mwh('ENERGY_FULL', 'CHARGE_FULL');
  const status = battery.get('STATUS');
  return {
    present: true,
    percent: asNumber(battery.get('CAPACITY')),
    charging: status === undefined || status === 'Unknown' ? null : status === 'Charging',
    onAc:
      onAc ??
      (status === 'Charging' || status === 'Full' || status === 'Not charging'
        ? true
        : status === 'Discharging'
          ? false
          : null),
    designCapacityMwh: design,
    fullChargeCapacityMwh: full,
    healthPercent: healthPercent(full, design),
    cycleCount: asInteger(battery.get('CYCLE_COUNT')) || null,
    condition: asString(battery.get('HEALTH')),
  };
}

/**
 * Win32_Battery.BatteryStatus: 1 discharging, 2 on AC, 3 fully charged, 6–9 charging. Code 2 means
 * "on AC, not necessarily charging" (Microsoft's words), so it says nothing about charging.
 */
const CHARGING_STATUSES = new Set([6, 7, 8, 9]);
const NOT_CHARGING_STATUSES = new Set([1, 3, 4, 5]);
const ON_AC_STATUSES = new Set([2, 3, 6, 7, 8, 9, 11]);

/** Sum of the known values, or null when none is known. */
function sumKnown(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? known.reduce((a, b) => a + b, 0) : null;
}

/**
 * JSON printed by hardware-battery.ps1. Every battery counts, not only the first (a ThinkPad with a
 * second battery lists two): capacities are summed, the charge is the share of the summed remaining
 * capacity when root\wmi gives it (what Windows' own battery icon shows), else the mean of each
 * battery's EstimatedChargeRemaining; it charges or is on AC if any battery says so, and the cycle
 * count is the highest (the most worn battery).
 */
export function windowsBattery(json: unknown): BatteryData {
  const batteries = asArray(prop(json, 'batteries'));
  if (batteries.length === 0) return NO_BATTERY;
  const codes = batteries.map((b) => asInteger(prop(b, 'batteryStatus')));
  const statuses = asArray(prop(json, 'status'));
  const design = sumKnown(asArray(prop(json, 'designedCapacity')).map(asInteger));
  const full = sumKnown(asArray(prop(json, 'fullChargedCapacity')).map(asInteger));
  const any = (values: readonly (boolean | null)[]): boolean | null =>
    values.includes(true) ? true : values.length > 0 && values.every((v) => v === false) ? false : null;
  const fromCodes = (yes: Set<number>, no: Set<number> | null): boolean | null =>
    any(codes.map((c) => (c === null ? null : yes.has(c) ? true : no === null || no.has(c) ? false : null)));
  const charging = any(statuses.map((s) => asBoolean(prop(s, 'charging'))));
  const powerOnline = any(statuses.map((s) => asBoolean(prop(s, 'powerOnline'))));
  const remaining = sumKnown(statuses.map((s) => asInteger(prop(s, 'remainingCapacity'))));
  const charges = batteries
    .map((b) => asNumber(prop(b, 'estimatedChargeRemaining')))
    .filter((n): n is number => n !== null);
  const percent =
    remaining !== null && full !== null && full > 0 && statuses.length === batteries.length
      ? Math.min(100, round((remaining / full) * 100))
      : charges.length > 0
        ? round(charges.reduce((a, b) => a + b, 0) / charges.length)
        : null;
  const cycles = asArray(prop(json, 'cycleCount'))
    .map(asInteger)
    .filter((n): n is number => n !== null && n > 0);
  return {
    present: true,
    percent,
    charging: charging ?? fromCodes(CHARGING_STATUSES, NOT_CHARGING_STATUSES),
    onAc: powerOnline ?? fromCodes(ON_AC_STATUSES, null),
    designCapacityMwh: design,
    fullChargeCapacityMwh: full,
    healthPercent: healthPercent(full, design),
    cycleCount: cycles.length > 0 ? Math.max(...cycles) : null,
    condition: null,
  };
}

/** macOS `system_profiler SPPowerDataType -json`. */
export function macosBattery(json: unknown): BatteryData {
  const entries = asArray(prop(json, 'SPPowerDataType'));
  const battery = entries.find((e) => asString(prop(e, '_name')) === 'spbattery_information');
  const ac = entries.find((e) => asString(prop(e, '_name')) === 'sppower_ac_charger_information');
  if (!battery) return NO_BATTERY;
  const charge = prop(battery, 'sppower_battery_charge_info');
  const health = prop(battery, 'sppower_battery_health_info');
  const yes = (value: unknown): boolean | null =>
    value === 'TRUE' || value === 'yes' ? true : value === 'FALSE' || value === 'no' ? false : null;
  // "sppower_battery_health_maximum_capacity" : "87%" — Apple's own full-charge ÷ design figure.
  const maximum = asNumber(
    asString(prop(health, 'sppower_battery_health_maximum_capacity'))?.replace('%', ''),
  );
  return {
    present: true,
    percent: asNumber(prop(charge, 'sppower_battery_state_of_charge')),
    charging: yes(prop(charge, 'sppower_battery_is_charging')),
    onAc: ac ? yes(prop(ac, 'sppower_battery_charger_connected')) : null,
    designCapacityMwh: null,
    fullChargeCapacityMwh: null,
    healthPercent: maximum,
    cycleCount: asInteger(prop(health, 'sppower_battery_cycle_count')),
    condition: asString(prop(health, 'sppower_battery_health')),
  };
}
