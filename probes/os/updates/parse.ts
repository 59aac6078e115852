/**
 * Pure parsers for os.updates: when updates were last installed, what waits, whether the update
 * service runs. Everything here is read locally: no update server is contacted.
 */
import { asArray, asInteger, asString, prop } from '../../util/parse';

export type ServiceState = 'running' | 'stopped' | 'disabled' | 'unknown';

export interface UpdatesData {
  source: 'windows-update' | 'apt' | 'dnf' | 'softwareupdate';
  lastInstalledAt: string | null;
  lastInstalledTitle: string | null;
  daysSinceLastInstall: number | null;
  pendingCount: number | null;
  pendingSecurityCount: number | null;
  lastCheckedAt: string | null;
  serviceState: ServiceState;
}

export function daysSince(iso: string | null, now: Date): number | null {
  if (!iso || Number.isNaN(Date.parse(iso))) return null;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 86_400_000));
}

/** Windows service codes: StartType 4 = Disabled; Status 4 = Running, 1 = Stopped. */
export function windowsServiceState(startType: number | null, status: number | null): ServiceState {
  if (startType === 4) return 'disabled';
  if (status === 4) return 'running';
  if (status === 1) return 'stopped';
  return 'unknown';
}

/**
 * Updates that are not quality or feature updates, by KB number: Defender's security intelligence
 * (KB2267602, several times a day), Defender's platform (KB4052623), Defender on Windows 8.1 and
 * Security Essentials definitions (KB915597, KB2461484) and the monthly Malicious Software Removal
 * Tool (KB890830). A machine that has installed only these for months is not patched.
 */
const NOT_QUALITY_KBS = /\bKB(2267602|4052623|915597|2461484|890830)\b/i;
/** Windows Update classification GUIDs (never translated): Definition Updates, Drivers. */
const NOT_QUALITY_CATEGORIES = new Set([
  'e0789628-ce08-4437-be74-2495b842f43b',
  'ebfc1fc5-71a4-4f7b-9aca-3b9a503104a0',
]);

/** A history entry that is a quality (cumulative, security, .NET…) or feature update. */
export function isQualityOrFeatureUpdate(title: string | null, categoryIds: readonly string[]): boolean {
  if (title !== null && NOT_QUALITY_KBS.test(title)) return false;
  return !categoryIds.some((id) => NOT_QUALITY_CATEGORIES.has(id.toLowerCase()));
}

/**
 * JSON printed by os-updates.ps1 (Windows Update Agent API, offline search, wuauserv). The last
 * install is the newest successful quality or feature update, never a Defender definition update;
 * without one in the agent's history (or without the agent: ConstrainedLanguage) the newest
 * installed hotfix.
 */
export function windowsUpdates(json: unknown, now: Date): UpdatesData {
  const history = asArray(prop(json, 'history'))
    // Operation 1 = installation; ResultCode 2 = succeeded, 3 = succeeded with errors.
    .filter(
      (h) => asInteger(prop(h, 'operation')) === 1 && [2, 3].includes(asInteger(prop(h, 'resultCode')) ?? 0),
    )
    .map((h) => ({
      date: asString(prop(h, 'date')),
      title: asString(prop(h, 'title')),
      categories: asArray(prop(h, 'categoryIds'))
        .map(asString)
        .filter((c): c is string => c !== null),
    }))
    .filter((h): h is { date: string; title: string | null; categories: string[] } => h.date !== null)
    .filter((h) => isQualityOrFeatureUpdate(h.title, h.categories))
    .sort((a, b) => b.date.localeCompare(a.date));
  const hotfix = asString(prop(json, 'lastHotfixInstalledOn'));
  const last = history[0] ?? (hotfix ? { date: hotfix, title: asString(prop(json, 'lastHotfixId')) } : null);
  const pending = prop(json, 'pending');
  return {
    source: 'windows-update',
    lastInstalledAt: last?.date ?? null,
    lastInstalledTitle: last?.title ?? null,
    daysSinceLastInstall: daysSince(last?.date ?? null, now),
    pendingCount: asInteger(prop(pending, 'count')),
    pendingSecurityCount: asInteger(prop(pending, 'security')),
    lastCheckedAt: asString(prop(json, 'lastSearchSuccessDate')),
    serviceState: windowsServiceState(
      asInteger(prop(json, 'serviceStartType')),
      asInteger(prop(json, 'serviceStatus')),
    ),
  };
}

/** /var/log/apt/history.log: the last run that installed or upgraded something. */
export function parseAptHistory(text: string): { date: string; title: string } | null {
  let latest: { date: string; title: string } | null = null;
  for (const block of text.split(/\n\s*\n/)) {
    const end = /^End-Date:\s*(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2}:\d{2})/m.exec(block);
    const upgraded = /^Upgrade: (.*)$/m.exec(block)?.[1];
    const installed = /^Install: (.*)$/m.exec(block)?.[1];
    if (!end || (!upgraded && !installed)) continue;
    const count = (list: string | undefined): number => (list ? list.split('), ').length : 0);
    const command = /^Commandline: (.*)$/m.exec(block)?.[1] ?? 'apt';
    const tool = /unattended-upgrade/.test(command)
      ? 'unattended-upgrades'
      : command
          .split(' ')
          .slice(0, 2)
          .join(' ')
          .replace(/^\/\S*\//, '');
    // history.log times are local; without the zone this is the best ISO form we can give.
    latest = {
      date: `${end[1]}T${end[2]}`,
      title: `${tool}: ${count(upgraded)} upgraded, ${count(installed)} installed`,
    };
  }
  return latest;
}

/** `apt list --upgradable`: "name/suite version arch [upgradable from: old]". */
export function parseAptUpgradable(text: string): { count: number; security: number } {
  const lines = text.split('\n').filter((l) => l.includes('[upgradable from:'));
  return {
    count: lines.length,
    security: lines.filter(
      (l) => /^[^/]+\/[^ ]*-security[ ,]/.test(l) || /^[^/]+\/[^ ]*,[^ ]*-security/.test(l),
    ).length,
  };
}

/** `rpm -qa --last` (C locale): newest first, "name-version   Mon 24 Nov 2026 10:00:00 AM UTC". */
export function parseRpmLast(text: string): { date: string; title: string } | null {
  const first = text.split('\n').find((l) => l.trim());
  const match = first ? /^(\S+)\s+(.+)$/.exec(first.trim()) : null;
  if (!match?.[1] || !match[2] || Number.isNaN(Date.parse(match[2]))) return null;
  return { date: new Date(match[2]).toISOString(), title: match[1] };
}

/** `dnf check-update --cacheonly -q`: exit 100 and one line per update ("name.arch  version  repo"). */
export function parseDnfCheckUpdate(text: string): number {
  return text.split('\n').filter((l) => /^\S+\.\S+\s+\S+\s+\S+/.test(l.trim()) && !l.startsWith('Obsoleting'))
    .length;
}

/** macOS `system_profiler SPInstallHistoryDataType -json`: Apple's updates, newest first. */
export function macosHistory(json: unknown): { date: string; title: string } | null {
  const apple = asArray(prop(json, 'SPInstallHistoryDataType'))
    .filter(
      (e) =>
        asString(prop(e, 'package_source')) === 'package_source_apple' &&
        /^(macOS|Security Update|Background Security|Safari)/.test(asString(prop(e, '_name')) ?? ''),
    )
    .map((e) => ({
      date: asString(prop(e, 'install_date')),
      title: `${asString(prop(e, '_name'))} ${asString(prop(e, 'install_version')) ?? ''}`.trim(),
    }))
    .filter((e): e is { date: string; title: string } => e.date !== null)
    .sort((a, b) => b.date.localeCompare(a.date));
  return apple[0] ?? null;
}

export function macosPending(recommended: unknown): { count: number; security: number } {
  const items = asArray(recommended);
  return {
    count: items.length,
    security: items.filter((u) => /Security|macOS/.test(asString(prop(u, 'Display Name')) ?? '')).length,
  };
}
