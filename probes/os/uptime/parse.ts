/**
 * Pure parsers for os.uptime.
 */
import { asBoolean, asInteger, asString, prop } from '../../util/parse';

export interface UptimeData {
  bootTime: string;
  uptimeSeconds: number;
  /** Windows Fast Startup: "Shut down" then hibernates the kernel, so uptime keeps counting. */
  fastStartupEnabled: boolean | null;
}

/** /proc/uptime: "seconds-up idle-seconds". */
export function linuxUptime(text: string, now: Date): UptimeData {
  const seconds = Math.floor(Number(text.trim().split(/\s+/)[0] ?? '0'));
  return {
    bootTime: new Date(now.getTime() - seconds * 1000).toISOString(),
    uptimeSeconds: seconds,
    fastStartupEnabled: null,
  };
}

/** macOS `sysctl -n kern.boottime`: "{ sec = 1732430000, usec = 12345 } Sun Nov 24 07:33:20 2026". */
export function macosUptime(text: string, now: Date): UptimeData | null {
  const sec = asInteger(/sec = (\d+)/.exec(text)?.[1]);
  if (sec === null) return null;
  return {
    bootTime: new Date(sec * 1000).toISOString(),
    uptimeSeconds: Math.max(0, Math.floor(now.getTime() / 1000 - sec)),
    fastStartupEnabled: null,
  };
}

/** JSON printed by os-uptime.ps1. */
export function windowsUptime(json: unknown, now: Date): UptimeData | null {
  const boot = asString(prop(json, 'lastBootUpTime'));
  if (!boot || Number.isNaN(Date.parse(boot))) return null;
  return {
    bootTime: new Date(boot).toISOString(),
    uptimeSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(boot)) / 1000)),
    fastStartupEnabled: asBoolean(prop(json, 'hiberbootEnabled')),
  };
}
