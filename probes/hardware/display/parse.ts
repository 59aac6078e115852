/**
 * Pure parsers for hardware.display: graphics adapters and the screens attached to them.
 */
import { asArray, asBoolean, asInteger, asNumber, asString, prop } from '../../util/parse';

export interface Gpu {
  name: string;
  vendor: string | null;
  driverVersion: string | null;
  /** ISO date of the driver, where the OS records it (Windows). */
  driverDate: string | null;
  memoryBytes: number | null;
}

export interface Display {
  name: string | null;
  /** "2560x1440". */
  resolution: string | null;
  refreshHz: number | null;
  primary: boolean | null;
  internal: boolean | null;
}

export interface DisplayData {
  gpus: Gpu[];
  displays: Display[];
}

/** systeminformation's graphics() (Linux: lspci, xrandr, /sys; macOS: system_profiler). */
export function fromSystemInformation(graphics: unknown): DisplayData {
  return {
    gpus: asArray(prop(graphics, 'controllers')).map((c) => ({
      name: asString(prop(c, 'model')) ?? 'Unknown graphics adapter',
      vendor: asString(prop(c, 'vendor')),
      driverVersion: asString(prop(c, 'driverVersion')),
      driverDate: null,
      // vram is in MB; 0 means "not known" (shared memory on most integrated GPUs).
      memoryBytes: (asNumber(prop(c, 'vram')) ?? 0) > 0 ? (asNumber(prop(c, 'vram')) ?? 0) * 1024 * 1024 : null,
    })),
    displays: asArray(prop(graphics, 'displays')).map((d) => {
      const x = asInteger(prop(d, 'currentResX')) ?? asInteger(prop(d, 'resolutionX'));
      const y = asInteger(prop(d, 'currentResY')) ?? asInteger(prop(d, 'resolutionY'));
      return {
        name: asString(prop(d, 'model')) ?? asString(prop(d, 'deviceName')),
        resolution: x && y ? `${x}x${y}` : null,
        refreshHz: asNumber(prop(d, 'currentRefreshRate')) || null,
        primary: asBoolean(prop(d, 'main')),
        internal: asBoolean(prop(d, 'builtin')),
      };
    }),
  };
}

/** JSON printed by hardware-display.ps1 (Win32_VideoController, root\wmi WmiMonitorID). */
export function windowsDisplay(json: unknown): DisplayData {
  const monitors = asArray(prop(json, 'monitors'));
  return {
    gpus: asArray(prop(json, 'adapters')).map((a) => ({
      name: asString(prop(a, 'name')) ?? 'Unknown graphics adapter',
      vendor: asString(prop(a, 'vendor')),
      driverVersion: asString(prop(a, 'driverVersion')),
      driverDate: asString(prop(a, 'driverDate')),
      // AdapterRAM is a uint32 and wraps past 4 GB; qwMemorySize from the registry does not.
      memoryBytes: asNumber(prop(a, 'memoryBytes')),
    })),
    displays: asArray(prop(json, 'adapters'))
      .filter((a) => asInteger(prop(a, 'horizontalResolution')))
      .map((a, index) => ({
        name: asString(prop(monitors[index], 'name')),
        resolution: `${asInteger(prop(a, 'horizontalResolution'))}x${asInteger(prop(a, 'verticalResolution'))}`,
        refreshHz: asNumber(prop(a, 'refreshRate')),
        primary: index === 0,
        internal: asBoolean(prop(monitors[index], 'internal')),
      })),
  };
}

/** macOS `system_profiler SPDisplaysDataType -json`. */
export function macosDisplay(json: unknown): DisplayData {
  const gpus: Gpu[] = [];
  const displays: Display[] = [];
  for (const gpu of asArray(prop(json, 'SPDisplaysDataType'))) {
    const vram = asString(prop(gpu, 'spdisplays_vram')) ?? asString(prop(gpu, 'spdisplays_vram_shared'));
    const vramMatch = vram ? /(\d+)\s*(MB|GB)/.exec(vram) : null;
    gpus.push({
      name: asString(prop(gpu, 'sppci_model')) ?? asString(prop(gpu, '_name')) ?? 'Unknown graphics adapter',
      vendor: asString(prop(gpu, 'spdisplays_vendor'))?.replace(/^sppci_vendor_/, '') ?? null,
      driverVersion: null,
      driverDate: null,
      memoryBytes: vramMatch?.[1] ? Number(vramMatch[1]) * (vramMatch[2] === 'GB' ? 1024 ** 3 : 1024 ** 2) : null,
    });
    for (const screen of asArray(prop(gpu, 'spdisplays_ndrvs'))) {
      // "_spdisplays_resolution" : "2560 x 1600 @ 60.00Hz"
      const text = asString(prop(screen, '_spdisplays_resolution')) ?? asString(prop(screen, 'spdisplays_resolution')) ?? '';
      const match = /(\d+)\s*x\s*(\d+)(?:.*?@\s*([\d.]+)\s*Hz)?/.exec(text);
      displays.push({
        name: asString(prop(screen, '_name')),
        resolution: match ? `${match[1]}x${match[2]}` : null,
        refreshHz: match?.[3] ? Number(match[3]) : null,
        primary: asString(prop(screen, 'spdisplays_main')) === 'spdisplays_yes',
        internal: asString(prop(screen, 'spdisplays_connection_type')) === 'spdisplays_internal',
      });
    }
  }
  return { gpus, displays };
}
