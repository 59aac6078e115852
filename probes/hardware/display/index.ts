/**
 * hardware.display — graphics adapters (and how old their drivers are) and the screens in use.
 */
import { join } from 'node:path';
import { ProbeError } from '../../errors';
import { defineProbe, type ProbeContext } from '../../types';
import { gapsFromScript } from '../../util/script-errors';
import { fromSystemInformation, macosDisplay, windowsDisplay, type DisplayData } from './parse';

export type { DisplayData } from './parse';

async function collectLinux(ctx: ProbeContext) {
  // systeminformation already knows lspci, xrandr, /sys/class/drm and friends: no need to redo it.
  return { data: fromSystemInformation(await ctx.systemInformation('graphics')) };
}

async function collectDarwin(ctx: ProbeContext) {
  const result = await ctx.exec('system_profiler', ['SPDisplaysDataType', '-json']);
  try {
    return { data: macosDisplay(JSON.parse(result.stdout)) };
  } catch {
    throw new ProbeError('parse-error', 'system_profiler did not print JSON for SPDisplaysDataType.');
  }
}

async function collectWindows(ctx: ProbeContext) {
  const json = await ctx.powershell(join(__dirname, 'hardware-display.ps1'));
  return { data: windowsDisplay(json), gaps: gapsFromScript(json) };
}

export const displayProbe = defineProbe<DisplayData>({
  descriptor: {
    id: 'hardware.display',
    title: 'Graphics and displays',
    description:
      'Graphics adapters with their driver version and date, and the screens in use with resolution and refresh rate.',
    platforms: ['win32', 'darwin', 'linux'],
    // system_profiler SPDisplaysDataType and systeminformation's xrandr/lspci calls can take 2–4 s.
    timeoutMs: 8_000,
    fields: {
      gpus: { type: 'object[]', description: 'Graphics adapters.' },
      'gpus[].name': { type: 'string', description: 'Adapter model.' },
      'gpus[].vendor': { type: 'string', nullable: true, description: 'Maker (Intel, AMD, NVIDIA, Apple…).' },
      'gpus[].driverVersion': { type: 'string', nullable: true, description: 'Installed driver version.' },
      'gpus[].driverDate': {
        type: 'string',
        nullable: true,
        description: 'Date of the installed driver (ISO 8601).',
      },
      'gpus[].memoryBytes': {
        type: 'number',
        nullable: true,
        unit: 'bytes',
        description: 'Dedicated video memory.',
      },
      displays: { type: 'object[]', description: 'Screens in use.' },
      'displays[].name': { type: 'string', nullable: true, description: 'Screen model.' },
      'displays[].resolution': {
        type: 'string',
        nullable: true,
        description: 'Current resolution, width x height.',
      },
      'displays[].refreshHz': { type: 'number', nullable: true, unit: 'Hz', description: 'Refresh rate.' },
      'displays[].primary': { type: 'boolean', nullable: true, description: 'The main screen.' },
      'displays[].internal': {
        type: 'boolean',
        nullable: true,
        description: 'A laptop panel rather than an external screen.',
      },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
