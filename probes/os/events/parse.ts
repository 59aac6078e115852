/**
 * Pure parsers for os.events: critical and error events or crashes of the last 24 hours, counted,
 * with notable kinds recognised by source and event id (never by message text on Windows, which is
 * translated).
 */
import { asArray, asInteger, asString, prop } from '../../util/parse';

export interface EventItem {
  time: string;
  source: string;
  id: number | null;
  level: 'critical' | 'error';
  message: string;
}

export type EventCategory =
  'unexpectedShutdowns' | 'blueScreens' | 'appCrashes' | 'appHangs' | 'diskErrors' | 'hardwareErrors';

export interface EventsData {
  windowHours: number;
  critical: number;
  errors: number;
  categories: Record<EventCategory, number>;
  /** Applications that crashed, most crashes first. */
  crashesByApp: { app: string; count: number }[];
  /** The most recent items, newest first. */
  recent: EventItem[];
}

export const WINDOW_HOURS = 24;
const RECENT = 20;
const MESSAGE_CHARS = 200;

const short = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MESSAGE_CHARS ? `${line.slice(0, MESSAGE_CHARS)}…` : line;
};

/** Windows providers and ids that mean something whatever the message says. */
export function windowsCategory(provider: string, id: number | null): EventCategory | null {
  if (provider === 'Microsoft-Windows-Kernel-Power' && id === 41) return 'unexpectedShutdowns';
  if (provider === 'EventLog' && id === 6008) return 'unexpectedShutdowns';
  if ((provider === 'Microsoft-Windows-WER-SystemErrorReporting' || provider === 'BugCheck') && id === 1001)
    return 'blueScreens';
  if (provider === 'Application Error' && id === 1000) return 'appCrashes';
  if (provider === 'Application Hang' && id === 1002) return 'appHangs';
  if (
    (provider === 'disk' && (id === 7 || id === 51 || id === 153)) ||
    (provider === 'Ntfs' && id === 55) ||
    (provider === 'Microsoft-Windows-Ntfs' && id === 55)
  )
    return 'diskErrors';
  if (provider === 'Microsoft-Windows-WHEA-Logger') return 'hardwareErrors';
  return null;
}

function summarise(items: EventItem[], categories: EventCategory[], crashApps: string[]): EventsData {
  const counts: Record<EventCategory, number> = {
    unexpectedShutdowns: 0,
    blueScreens: 0,
    appCrashes: 0,
    appHangs: 0,
    diskErrors: 0,
    hardwareErrors: 0,
  };
  for (const category of categories) counts[category] += 1;
  const byApp = new Map<string, number>();
  for (const app of crashApps) byApp.set(app, (byApp.get(app) ?? 0) + 1);
  return {
    windowHours: WINDOW_HOURS,
    critical: items.filter((i) => i.level === 'critical').length,
    errors: items.filter((i) => i.level === 'error').length,
    categories: counts,
    crashesByApp: [...byApp].map(([app, count]) => ({ app, count })).sort((a, b) => b.count - a.count),
    recent: [...items].sort((a, b) => b.time.localeCompare(a.time)).slice(0, RECENT),
  };
}

/**
 * os-events.ps1: Get-WinEvent System and Application, levels 1 (critical) and 2 (error), last 24 h.
 * For Application Error 1000 the script passes the faulting application's name (Properties[0]).
 */
export function parseWindowsEvents(json: unknown): EventsData {
  const items: EventItem[] = [];
  const categories: EventCategory[] = [];
  const crashApps: string[] = [];
  for (const e of asArray(prop(json, 'events') as unknown[])) {
    const source = asString(prop(e, 'provider')) ?? '?';
    const id = asInteger(prop(e, 'id'));
    const level = asInteger(prop(e, 'level'));
    const time = asString(prop(e, 'time'));
    if (!time || (level !== 1 && level !== 2)) continue;
    items.push({
      time,
      source,
      id,
      level: level === 1 ? 'critical' : 'error',
      message: short(asString(prop(e, 'message')) ?? ''),
    });
    const category = windowsCategory(source, id);
    if (category) categories.push(category);
    if (category === 'appCrashes') crashApps.push(asString(prop(e, 'app')) ?? '?');
  }
  return summarise(items, categories, crashApps);
}

/**
 * `journalctl -p 3 --since … -o json`: one JSON object per line. PRIORITY 0–2 is critical, 3 error.
 * Linux has no event ids, so crashes are recognised by the reporting service (systemd-coredump), and
 * out-of-memory kills and disk I/O errors by the kernel's fixed wording.
 */
export function parseJournal(text: string): EventsData {
  const items: EventItem[] = [];
  const categories: EventCategory[] = [];
  const crashApps: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    const micros = Number(asString(prop(entry, '__REALTIME_TIMESTAMP')));
    const priority = asInteger(prop(entry, 'PRIORITY'));
    if (!Number.isFinite(micros) || priority === null) continue;
    const source = asString(prop(entry, 'SYSLOG_IDENTIFIER')) ?? asString(prop(entry, '_COMM')) ?? '?';
    const raw = prop(entry, 'MESSAGE');
    // journald gives binary messages as byte arrays.
    const message =
      typeof raw === 'string' ? raw : Array.isArray(raw) ? Buffer.from(raw as number[]).toString('utf8') : '';
    items.push({
      time: new Date(micros / 1000).toISOString(),
      source,
      id: null,
      level: priority <= 2 ? 'critical' : 'error',
      message: short(message),
    });
    if (source === 'systemd-coredump') {
      categories.push('appCrashes');
      crashApps.push(
        asString(prop(entry, 'COREDUMP_COMM')) ?? /\(([^)]+)\) of user/.exec(message)?.[1] ?? '?',
      );
    }
    if (source === 'kernel' && /I\/O error|blk_update_request|critical medium error/i.test(message))
      categories.push('diskErrors');
    if (source === 'kernel' && /Machine check|mce: \[Hardware Error\]/i.test(message))
      categories.push('hardwareErrors');
  }
  return summarise(items, categories, crashApps);
}

/**
 * macOS crash reports in DiagnosticReports: "<App>-YYYY-MM-DD-HHMMSS.ips" (or .crash, .hang, .panic);
 * kernel panics are "Kernel-…" / "panic-full-…". Names carry the local time of the report.
 */
export function parseDiagnosticReports(names: readonly string[], now: Date): EventsData {
  const since = now.getTime() - WINDOW_HOURS * 3_600_000;
  const items: EventItem[] = [];
  const categories: EventCategory[] = [];
  const crashApps: string[] = [];
  for (const name of names) {
    const match =
      /^(.+?)[-_](\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(?:[-_.].*)?\.(ips|crash|hang|panic|diag)$/.exec(
        name,
      );
    if (!match) continue;
    const [, app = '?', y, mo, d, h, mi, s, kind] = match;
    const time = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}`);
    if (Number.isNaN(time.getTime()) || time.getTime() < since) continue;
    const panic = kind === 'panic' || /^(Kernel|panic-full|panic-base)$/i.test(app);
    const hang = kind === 'hang';
    items.push({
      time: time.toISOString(),
      source: app,
      id: null,
      level: panic ? 'critical' : 'error',
      message: name,
    });
    categories.push(panic ? 'blueScreens' : hang ? 'appHangs' : 'appCrashes');
    if (!panic && !hang) crashApps.push(app);
  }
  return summarise(items, categories, crashApps);
}
