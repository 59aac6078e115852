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
      memoryBytes:
        (asNumber(prop(c, 'vram')) ?? 0) > 0 ? (asNumber(prop(c, 'vram')) ?? 0) * 1024 * 1024 : null,
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

/**
 * WmiMonitorID names are arrays of UInt16 character codes padded with zeros (Microsoft documents
 * them as uint16[]); this turns one into text, or null when it is empty.
 */
export function decodeWmiString(value: unknown): string | null {
  if (typeof value === 'string') return asString(value);
  const codes = asArray(value as unknown[])
    .map((c) => asInteger(c))
    .filter((c): c is number => c !== null && c > 0 && c < 0x10000);
  return asString(String.fromCharCode(...codes));
}

/**
 * WmiMonitorConnectionParams.VideoOutputTechnology (D3DKMDT_VIDEO_OUTPUT_TECHNOLOGY): INTERNAL
 * (0x80000000), LVDS (6), DisplayPort embedded (11) and UDI embedded (13) are a laptop's own panel.
 */
const INTERNAL_OUTPUTS = new Set([0x80000000, 6, 11, 13]);

function isInternal(technology: number | null): boolean | null {
  // OTHER is -1, which arrives as 4294967295 once Windows hands it over as a uint32.
  if (technology === null || technology < 0 || technology === 0xffffffff) return null;
  return INTERNAL_OUTPUTS.has(technology);
}

/**
 * JSON printed by hardware-display.ps1 (Win32_VideoController, root\wmi WmiMonitorID and
 * WmiMonitorConnectionParams). Windows gives the current mode per adapter, not per screen, so a
 * screen's resolution is only known when there is one screen on one adapter.
 */
export function windowsDisplay(json: unknown): DisplayData {
  const adapters = asArray(prop(json, 'adapters'));
  const monitors = asArray(prop(json, 'monitors'));
  const active = adapters.filter(
    (a) =>
      (asInteger(prop(a, 'horizontalResolution')) ?? 0) > 0 &&
      (asInteger(prop(a, 'verticalResolution')) ?? 0) > 0,
  );
  const mode = (a: unknown): Pick<Display, 'resolution' | 'refreshHz'> => ({
    resolution: `${asInteger(prop(a, 'horizontalResolution'))}x${asInteger(prop(a, 'verticalResolution'))}`,
    // CurrentRefreshRate 0 or 1 means "the hardware's default": not a rate.
    refreshHz: (asNumber(prop(a, 'refreshRate')) ?? 0) > 1 ? asNumber(prop(a, 'refreshRate')) : null,
  });
  const single = monitors.length === 1 && active.length === 1 ? active[0] : undefined;
  const displays: Display[] =
    monitors.length > 0
      ? monitors.map((m) => ({
          name: decodeWmiString(prop(m, 'name')) ?? decodeWmiString(prop(m, 'manufacturer')),
          ...(single ? mode(single) : { resolution: null, refreshHz: null }),
          primary: monitors.length === 1 ? true : null,
          internal: isInternal(asInteger(prop(m, 'videoOutputTechnology'))),
        }))
      : // No WmiMonitorID instances (some VMs, remote sessions, old drivers): one screen per active adapter.
        active.map((a) => ({
          name: null,
          ...mode(a),
          primary: active.length === 1 ? true : null,
          internal: null,
        }));
  return {
    gpus: adapters.map((a) => ({
      name: asString(prop(a, 'name')) ?? 'Unknown graphics adapter',
      vendor: asString(prop(a, 'vendor')),
      driverVersion: asString(prop(a, 'driverVersion')),
      driverDate: asString(prop(a, 'driverDate')),
      // AdapterRAM is a uint32 and wraps past 4 GB; the script prefers qwMemorySize from the registry.
      memoryBytes: asNumber(prop(a, 'memoryBytes')),
    })),
    displays,
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
      memoryBytes: vramMatch?.[1]
        ? Number(vramMatch[1]) * (vramMatch[2] === 'GB' ? 1024 ** 3 : 1024 ** 2)
        : null,
    });
    for (const screen of asArray(prop(gpu, 'spdisplays_ndrvs'))) {
      // "_spdisplays_resolution" : "2560 x 1600 @ 60.00Hz"
      const text =
        asString(prop(screen, '_spdisplays_resolution')) ??
        asString(prop(screen, 'spdisplays_resolution')) ??
        '';
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
