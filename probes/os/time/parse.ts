/**
 * Pure parsers for os.time: the time zone, and the state of the OS's own time service.
 */
import type { TimeService } from '../../network/ntp/parse';
import { asInteger, asString, parseKeyValueLines, prop } from '../../util/parse';

export interface TimeData {
  /** IANA zone (Europe/Berlin) on Linux and macOS, Windows zone id (W. Europe Standard Time) on Windows. */
  timeZone: string | null;
  utcOffsetMinutes: number | null;
  /** The local time at the check, with its offset (ISO 8601). */
  localTime: string;
  service: {
    name: TimeService | null;
    running: boolean | null;
    /** The service says the clock is synchronised (null: it cannot say without admin rights, or does not say). */
    synchronized: boolean | null;
    lastSync: string | null;
  };
}

/** /etc/localtime links into a zoneinfo tree: …/zoneinfo/Europe/Berlin → Europe/Berlin. */
export function zoneFromLink(target: string): string | null {
  const match = /zoneinfo\/(?:posix\/|right\/)?(.+)$/.exec(target.trim());
  return match?.[1] ?? null;
}

/** The offset of an IANA zone at a moment, from the runtime's time zone database. */
export function offsetMinutes(zone: string | null, at: Date): number | null {
  if (!zone) return null;
  try {
    const name =
      new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value ?? '';
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (name === 'GMT') return 0;
    return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : null;
  } catch {
    return null;
  }
}

/** ISO 8601 local time with its offset: 2026-11-24T11:00:00+01:00. */
export function localIso(at: Date, offset: number | null): string {
  if (offset === null) return at.toISOString();
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `timedatectl show`: Timezone=, NTP= (service enabled), NTPSynchronized=. */
export function parseTimedatectl(text: string): {
  zone: string | null;
  enabled: boolean | null;
  synchronized: boolean | null;
} {
  const values = parseKeyValueLines(text, '=');
  const yesNo = (key: string): boolean | null =>
    values.get(key) === 'yes' ? true : values.get(key) === 'no' ? false : null;
  return {
    zone: values.get('Timezone') || null,
    enabled: yesNo('NTP'),
    synchronized: yesNo('NTPSynchronized'),
  };
}

/**
 * `chronyc -c tracking`: reference id, name, stratum, reference time (Unix seconds), offsets…, and
 * the leap status last ("Normal", "Insert second", "Delete second" or "Not synchronised").
 */
export function parseChronyTracking(text: string): { synchronized: boolean; lastSync: string | null } | null {
  const fields = text.trim().split(',');
  if (fields.length < 10) return null;
  const refTime = Number(fields[3]);
  const leap = fields[fields.length - 1] ?? '';
  return {
    synchronized: leap !== 'Not synchronised' && refTime > 0,
    lastSync: refTime > 0 ? new Date(refTime * 1000).toISOString() : null,
  };
}

/** network-ntp.ps1's time zone and W32Time service state (ServiceControllerStatus 4 = Running). */
export function parseWindowsTime(json: unknown): {
  zone: string | null;
  offset: number | null;
  running: boolean | null;
} {
  const status = asInteger(prop(json, 'serviceStatus'));
  return {
    zone: asString(prop(json, 'timeZoneId')),
    offset: asInteger(prop(json, 'utcOffsetMinutes')),
    running: status === null ? null : status === 4,
  };
}
