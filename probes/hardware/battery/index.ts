/**
 * hardware.battery — charge, charging, and how worn the battery is. No battery is a fact, not a failure.
 */
import { join } from 'node:path';
import { ProbeError } from '../../errors';
import { defineProbe, type ProbeContext } from '../../types';
import { gapsFromScript } from '../../util/script-errors';
import { linuxBattery, macosBattery, parseUevent, windowsBattery, type BatteryData } from './parse';

export type { BatteryData } from './parse';

const POWER_SUPPLY = '/sys/class/power_supply';

async function collectLinux(ctx: ProbeContext) {
  let names: string[];
  try {
    names = await ctx.readDir(POWER_SUPPLY);
  } catch (error) {
    // Containers and some VMs have no power_supply class at all: there is no battery to see.
    if (error instanceof ProbeError && error.code === 'not-found') names = [];
    else throw error;
  }
  const devices = await Promise.all(
    names.map(async (name) => parseUevent(await ctx.readFile(`${POWER_SUPPLY}/${name}/uevent`))),
  );
  return { data: linuxBattery(devices) };
}

async function collectDarwin(ctx: ProbeContext) {
  const result = await ctx.exec('system_profiler', ['SPPowerDataType', '-json']);
  try {
    return { data: macosBattery(JSON.parse(result.stdout)) };
  } catch {
    throw new ProbeError('parse-error', 'system_profiler did not print JSON for SPPowerDataType.');
  }
}

async function collectWindows(ctx: ProbeContext) {
  const json = await ctx.powershell(join(__dirname, 'hardware-battery.ps1'));
  return { data: windowsBattery(json), gaps: gapsFromScript(json) };
}

export const batteryProbe = defineProbe<BatteryData>({
  descriptor: {
    id: 'hardware.battery',
    title: 'Battery',
    description:
      'Whether there is a battery; if so its charge, whether it is charging on AC power, its design and full-charge capacity (wear), cycle count and condition.',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 6_000,
    fields: {
      present: { type: 'boolean', description: 'False on desktops and virtual machines.' },
      percent: { type: 'number', nullable: true, unit: 'percent', description: 'Charge left.' },
      charging: { type: 'boolean', nullable: true, description: 'The battery is charging now.' },
      onAc: { type: 'boolean', nullable: true, description: 'The computer is on mains power.' },
      designCapacityMwh: { type: 'integer', nullable: true, unit: 'mWh', description: 'Capacity when new.' },
      fullChargeCapacityMwh: {
        type: 'integer',
        nullable: true,
        unit: 'mWh',
        description: 'Capacity when fully charged today.',
      },
      healthPercent: {
        type: 'number',
        nullable: true,
        unit: 'percent',
        description: 'Full-charge capacity as a share of the design capacity.',
      },
      cycleCount: { type: 'integer', nullable: true, unit: 'count', description: 'Charge cycles so far.' },
      condition: {
        type: 'string',
        nullable: true,
        description: "The OS's word for the battery's condition.",
      },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
