/**
 * os.info, os.uptime, os.processes, os.reboot-pending and os.time on Windows: their scripts run for
 * real under pwsh (FullLanguage and ConstrainedLanguage) with the CIM classes, registry and cmdlets
 * stubbed from real captures where they exist (each scenario names what is composed).
 */
import { describe, expect, it } from 'vitest';
import { osInfoProbe, type OsInfoData } from '../../../probes/os/info';
import { processesProbe, type ProcessesData } from '../../../probes/os/processes';
import { rebootPendingProbe, type RebootPendingData } from '../../../probes/os/reboot-pending';
import { timeProbe, type TimeData } from '../../../probes/os/time';
import { uptimeProbe, type UptimeData } from '../../../probes/os/uptime';
import { LANGUAGE_MODES, pwshSupport, runOnStubs } from '../../support/pwsh';

const pwsh = pwshSupport();
const TIMEOUT = 30_000;

describe.skipIf(pwsh.skip)(`os probes on Windows under pwsh ${pwsh.reason}`, () => {
  it.each(LANGUAGE_MODES)(
    '%s os.info: Windows 11 23H2 Pro (ProductName still says Windows 10) in a workgroup',
    async (mode) => {
      const envelope = await runOnStubs(osInfoProbe, 'win11-lenovo-azuread', mode, {
        now: new Date('2026-12-02T06:00:00Z'),
      });
      expect(envelope.error).toBeNull();
      expect(envelope.status).toBe('ok');
      expect(envelope.data as OsInfoData).toMatchObject({
        name: 'Windows 11 Pro',
        family: 'windows',
        version: '23H2',
        build: '22631.4460',
        edition: 'Professional',
        domain: null,
      });
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s os.info: Windows 10 1803 Enterprise (ReleaseId, no DisplayVersion, as before 20H2)',
    async (mode) => {
      const envelope = await runOnStubs(osInfoProbe, 'win10-1803-enterprise-vmware', mode, {
        now: new Date('2026-12-02T06:00:00Z'),
      });
      expect(envelope.status).toBe('ok');
      expect(envelope.data as OsInfoData).toMatchObject({
        name: 'Windows 10 Enterprise',
        version: '1803',
        build: '17134.1',
        edition: 'Enterprise',
        domain: null,
      });
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s os.uptime: Windows 7 booted 2013-08-22 18:42 UTC, no Fast Startup value',
    async (mode) => {
      const envelope = await runOnStubs(uptimeProbe, 'win7-lubianka', mode, {
        now: new Date('2013-08-22T19:42:18Z'),
      });
      expect(envelope.status).toBe('ok');
      expect(envelope.data as UptimeData).toEqual({
        bootTime: '2013-08-22T18:42:18.000Z',
        uptimeSeconds: 3600,
        fastStartupEnabled: null,
      });
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s os.uptime: Windows 10 with Fast Startup on, booted 2020-01-03 23:09:50 UTC',
    async (mode) => {
      const envelope = await runOnStubs(uptimeProbe, 'win10-vmware-fast-startup', mode, {
        now: new Date('2020-01-08T21:12:38Z'),
      });
      expect(envelope.status).toBe('ok');
      expect(envelope.data as UptimeData).toEqual({
        bootTime: '2020-01-03T23:09:50.000Z',
        uptimeSeconds: 4 * 86400 + 22 * 3600 + 2 * 60 + 48,
        fastStartupEnabled: true,
      });
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s os.processes: CPU per process is divided by the 4 logical processors; _Total and Idle are not processes',
    async (mode) => {
      const envelope = await runOnStubs(processesProbe, 'surface-book-teams', mode);
      expect(envelope.error).toBeNull();
      expect(envelope.status).toBe('ok');
      const data = envelope.data as ProcessesData;
      expect(data.count).toBe(4);
      expect(data.topCpu[0]).toEqual({
        name: 'ms-teams',
        pid: 14220,
        cpuPercent: 30,
        memoryBytes: 1610612736,
      });
      expect(data.topCpu.map((p) => [p.name, p.cpuPercent])).toEqual([
        ['ms-teams', 30],
        ['msedge', 10],
        ['MsMpEng', 7.5],
        ['explorer', 1.5],
      ]);
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s os.reboot-pending: after a cumulative update: CBS, Windows Update and file renames',
    async (mode) => {
      const envelope = await runOnStubs(rebootPendingProbe, 'after-cumulative-update', mode);
      expect(envelope.error).toBeNull();
      expect(envelope.status).toBe('ok');
      const data = envelope.data as RebootPendingData;
      expect(data.pending).toBe(true);
      expect(data.reasons.map((r) => r.code)).toEqual(['cbs', 'windows-update', 'file-rename']);
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s os.reboot-pending: a computer rename waits for a restart, nothing else',
    async (mode) => {
      const envelope = await runOnStubs(rebootPendingProbe, 'computer-renamed', mode);
      expect(envelope.status).toBe('ok');
      const data = envelope.data as RebootPendingData;
      expect(data.pending).toBe(true);
      expect(data.reasons.map((r) => r.code)).toEqual(['computer-rename']);
    },
    TIMEOUT,
  );

  // The offset comes from Get-Date on the machine running the test (as on Windows it comes from the
  // machine's clock), so it is compared with this process's own offset (pwsh inherits its TZ).
  const offset = -new Date().getTimezoneOffset() || 0;

  it.each(LANGUAGE_MODES)(
    '%s os.time: a domain controller in GMT Standard Time with W32Time running',
    async (mode) => {
      const envelope = await runOnStubs(timeProbe, 'gmt-domain-controller', mode);
      expect(envelope.error).toBeNull();
      expect(envelope.status).toBe('ok');
      expect(envelope.data as TimeData).toMatchObject({
        timeZone: 'GMT Standard Time',
        utcOffsetMinutes: offset,
        service: { name: 'w32time', running: true, synchronized: null, lastSync: null },
      });
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s os.time: Pacific Standard Time with W32Time stopped',
    async (mode) => {
      const envelope = await runOnStubs(timeProbe, 'w32time-stopped', mode);
      expect(envelope.status).toBe('ok');
      expect(envelope.data as TimeData).toMatchObject({
        timeZone: 'Pacific Standard Time',
        service: { name: 'w32time', running: false },
      });
    },
    TIMEOUT,
  );
});
