/**
 * os.events on Windows: os-events.ps1 run for real under pwsh (FullLanguage and ConstrainedLanguage)
 * with Get-WinEvent stubbed. An unreadable log is a gap, never "no events".
 */
import { describe, expect, it } from 'vitest';
import { eventsProbe, type EventsData } from '../../../probes/os/events';
import { LANGUAGE_MODES, pwshSupport, runOnStubs } from '../../support/pwsh';

const pwsh = pwshSupport();
const TIMEOUT = 30_000;

describe.skipIf(pwsh.skip)(`os.events on Windows under pwsh ${pwsh.reason}`, () => {
  it.each(LANGUAGE_MODES)(
    '%s: an unexpected shutdown (Kernel-Power 41, EventLog 6008), a Teams crash and a disk retry',
    async (mode) => {
      const envelope = await runOnStubs(eventsProbe, 'kernel-power-teams-crash', mode);
      expect(envelope.error).toBeNull();
      expect(envelope.status).toBe('ok');
      expect(envelope.gaps).toEqual([]);
      const data = envelope.data as EventsData;
      expect(data).toMatchObject({ critical: 1, errors: 3 });
      expect(data.categories).toMatchObject({
        unexpectedShutdowns: 2,
        appCrashes: 1,
        diskErrors: 1,
        blueScreens: 0,
      });
      expect(data.crashesByApp).toEqual([{ app: 'ms-teams.exe', count: 1 }]);
      expect(data.recent[0]).toMatchObject({ source: 'EventLog', id: 6008, level: 'error' });
      expect(data.recent.map((e) => e.id)).toEqual([6008, 41, 1000, 153]);
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s: an event log the user may not read is a gap, not a quiet day',
    async (mode) => {
      const envelope = await runOnStubs(eventsProbe, 'event-log-unreadable', mode);
      expect(envelope.status).toBe('partial');
      expect(envelope.gaps).toEqual([
        {
          part: 'eventLog',
          code: 'command-failed',
          message: 'Attempted to perform an unauthorized operation.',
        },
      ]);
      expect(envelope.data).toMatchObject({ critical: 0, errors: 0 });
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s: no matching events is ok with zero counts',
    async (mode) => {
      const envelope = await runOnStubs(eventsProbe, 'quiet-day', mode);
      expect(envelope.status).toBe('ok');
      expect(envelope.gaps).toEqual([]);
      expect(envelope.data).toMatchObject({ critical: 0, errors: 0, recent: [] });
    },
    TIMEOUT,
  );
});
