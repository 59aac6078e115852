/**
 * OS rules: each fires on the data that means trouble and stays silent otherwise.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFindings, renderFinding } from '../../../probes/findings/evaluate';
import { osRules } from '../../../probes/findings/rules/os';
import type { NtpData } from '../../../probes/network/ntp/parse';
import type { EventsData } from '../../../probes/os/events';
import type { OsInfoData } from '../../../probes/os/info';
import type { ProcessesData } from '../../../probes/os/processes';
import type { RebootPendingData } from '../../../probes/os/reboot-pending';
import type { TimeData } from '../../../probes/os/time';
import type { UpdatesData } from '../../../probes/os/updates';
import type { UptimeData } from '../../../probes/os/uptime';
import { silentLogger } from '../../support/fixtures';
import { reportWith, type ReportData } from '../../support/reports';

const ids = (data: ReportData) =>
  osRules.flatMap((r) => r.evaluate(reportWith(data))).map((f) => `${f.id}:${f.severity}`);
const DAY = 86_400;
const info = (over: Partial<OsInfoData> = {}): OsInfoData => ({
  name: 'Windows 11 Pro',
  family: 'windows',
  version: '24H2',
  build: '26100.2314',
  edition: 'Pro',
  architecture: 'x64',
  kernel: null,
  hostname: 'PC-1',
  domain: null,
  supportStatus: 'supported',
  supportEndsOn: '2026-10-13',
  supportNote: null,
  ...over,
});
const uptime = (days: number, fastStartupEnabled: boolean | null = false): UptimeData => ({
  bootTime: '2026-11-01T08:00:00.000Z',
  uptimeSeconds: days * DAY,
  fastStartupEnabled,
});
const reboot = (pending: boolean): RebootPendingData => ({
  pending,
  reasons: pending ? [{ code: 'windows-update', description: 'Windows Update needs a restart' }] : [],
});
const updates = (
  days: number | null,
  serviceState: UpdatesData['serviceState'] = 'running',
): UpdatesData => ({
  source: 'windows-update',
  lastInstalledAt: null,
  lastInstalledTitle: null,
  daysSinceLastInstall: days,
  pendingCount: null,
  pendingSecurityCount: null,
  lastCheckedAt: null,
  serviceState,
});
const time = (running: boolean | null, synchronized: boolean | null): TimeData => ({
  timeZone: 'Europe/Berlin',
  utcOffsetMinutes: 60,
  localTime: '2026-11-24T11:00:00+01:00',
  service: { name: 'w32time', running, synchronized, lastSync: null },
});

describe('OS rules', () => {
  it('stay silent on a healthy, current machine', () => {
    expect(
      ids({
        'os.info': info(),
        'os.uptime': uptime(2),
        'os.reboot-pending': reboot(false),
        'os.updates': updates(10),
        'os.time': time(true, true),
      }),
    ).toEqual([]);
  });
  it('are critical for an OS out of support and warn before support ends', () => {
    expect(ids({ 'os.info': info({ supportStatus: 'unsupported', supportEndsOn: '2025-10-14' }) })).toEqual([
      'os.unsupported:critical',
    ]);
    expect(ids({ 'os.info': info({ supportStatus: 'ending-soon' }) })).toEqual(['os.support-ending:warning']);
  });
  it('ask for a restart when one is pending, and say it once even after a long uptime', () => {
    expect(ids({ 'os.reboot-pending': reboot(true), 'os.uptime': uptime(40) })).toEqual([
      'os.restart-pending:warning',
    ]);
  });
  it('warn about long uptimes, in the Fast Startup wording when it is on', () => {
    expect(ids({ 'os.uptime': uptime(25) })).toEqual(['os.long-uptime:warning']);
    expect(ids({ 'os.uptime': uptime(25, true) })).toEqual(['os.long-uptime-fast-startup:warning']);
    expect(ids({ 'os.uptime': uptime(20) })).toEqual([]);
  });
  it('warn about stale updates, critical after three missed months', () => {
    expect(ids({ 'os.updates': updates(50) })).toEqual(['os.updates-stale:warning']);
    expect(ids({ 'os.updates': updates(120) })).toEqual(['os.updates-stale:critical']);
    expect(ids({ 'os.updates': updates(null) })).toEqual([]);
  });
  it('warn when the update service is disabled', () =>
    expect(ids({ 'os.updates': updates(5, 'disabled') })).toEqual(['os.update-service-disabled:warning']));
  it('never say "the clock is right" beside a card saying the clock is not kept right', () => {
    // The measured clock is fine (2 s off): only the stopped time service is wrong.
    const ntp: NtpData = {
      configured: { service: 'w32time', mode: null, servers: ['time.windows.com'] },
      servers: [
        {
          server: 'time.windows.com',
          role: 'configured',
          offsetMs: 2_000,
          roundTripMs: 5,
          stratum: 2,
          error: null,
          wrongClock: false,
        },
      ],
      clockOffsetMs: 2_000,
      offsetFrom: 'time.windows.com',
    };
    const healthy = evaluateFindings(
      reportWith({ 'os.time': time(true, true), 'network.ntp': ntp }),
      silentLogger,
    );
    expect(healthy.filter((f) => f.severity === 'ok').map((f) => renderFinding(f, 'en').title)).toContain(
      "The computer's clock is right",
    );
    const findings = evaluateFindings(
      reportWith({ 'os.time': time(false, null), 'network.ntp': ntp }),
      silentLogger,
    );
    const onTime = findings.filter(
      (f) => f.evidence.some((e) => e.probe === 'os.time') || f.severity === 'ok',
    );
    const titles = onTime.map((f) => `${f.severity}: ${renderFinding(f, 'en').title}`);
    expect(titles).toContain('warning: The computer does not keep its clock in time');
    expect(titles.filter((t) => /clock/i.test(t) && t.startsWith('ok'))).toEqual([]);
  });
  it('warn when the time service is stopped or not synchronising, not when it cannot tell', () => {
    expect(ids({ 'os.time': time(false, null) })).toEqual(['os.time-service-not-syncing:warning']);
    expect(ids({ 'os.time': time(true, false) })).toEqual(['os.time-service-not-syncing:warning']);
    expect(ids({ 'os.time': time(true, null) })).toEqual([]);
  });
});

const events = (
  over: Partial<EventsData['categories']> = {},
  crashesByApp: EventsData['crashesByApp'] = [],
): EventsData => ({
  windowHours: 24,
  critical: 0,
  errors: 0,
  categories: {
    unexpectedShutdowns: 0,
    blueScreens: 0,
    appCrashes: 0,
    appHangs: 0,
    diskErrors: 0,
    hardwareErrors: 0,
    ...over,
  },
  crashesByApp,
  recent: [],
});
const proc = (name: string, cpuPercent: number, memoryBytes: number) => ({
  name,
  pid: name.length,
  cpuPercent,
  memoryBytes,
});
const processes = (...list: ReturnType<typeof proc>[]): ProcessesData => ({
  count: 100,
  topCpu: list,
  topMemory: list,
});

describe('event and process rules', () => {
  it('stay silent on a quiet day', () =>
    expect(ids({ 'os.events': events(), 'os.processes': processes(proc('explorer', 2, 200e6)) })).toEqual(
      [],
    ));
  it('are critical on system crashes, and fold the shutdown it caused into it', () => {
    expect(ids({ 'os.events': events({ blueScreens: 1, unexpectedShutdowns: 2 }) })).toEqual([
      'os.system-crashes:critical',
    ]);
    expect(ids({ 'os.events': events({ unexpectedShutdowns: 1 }) })).toEqual([
      'os.unexpected-shutdowns:warning',
    ]);
  });
  it('flag an app crashing three times, not twice', () => {
    expect(
      ids({
        'os.events': events({}, [
          { app: 'ms-teams.exe', count: 3 },
          { app: 'notepad.exe', count: 2 },
        ]),
      }),
    ).toEqual(['os.app-crashing:warning']);
  });
  it('are critical on disk errors', () =>
    expect(ids({ 'os.events': events({ diskErrors: 2 }) })).toEqual(['os.disk-errors:critical']));
  it('flag a process taking half the CPU or a third of the memory, once', () => {
    const memory = {
      totalBytes: 8 * 1024 ** 3,
      availableBytes: null,
      usedPercent: null,
      swapTotalBytes: null,
      swapUsedBytes: null,
      commitBytes: null,
      commitLimitBytes: null,
      pressure: null,
      pressureSource: null,
      psiSomeAvg10: null,
      psiSomeAvg60: null,
      macosPressureLevel: null,
      hardFaultsPerSecond: null,
    };
    expect(
      ids({ 'os.processes': processes(proc('ms-teams', 60, 3 * 1024 ** 3)), 'hardware.memory': memory }),
    ).toEqual(['os.process-hog:warning']);
    expect(
      ids({ 'os.processes': processes(proc('msedge', 10, 3 * 1024 ** 3)), 'hardware.memory': memory }),
    ).toEqual(['os.process-hog:warning']);
    expect(
      ids({ 'os.processes': processes(proc('msedge', 10, 1024 ** 3)), 'hardware.memory': memory }),
    ).toEqual([]);
  });
});
