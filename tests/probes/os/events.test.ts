/**
 * os.events: errors and crashes of the last day, per OS, recognised by source and id.
 */
import { describe, expect, it } from 'vitest';
import { eventsProbe } from '../../../probes/os/events';
import {
  parseDiagnosticReports,
  parseJournal,
  parseWindowsEvents,
  windowsCategory,
} from '../../../probes/os/events/parse';
import { fixtureData } from '../../support/fixtures';

describe('os.events on fixtures', () => {
  it('linux: an empty journal is zero events', async () => {
    const data = await fixtureData(eventsProbe, 'linux', 'debian12-kvm');
    expect(data).toMatchObject({ critical: 0, errors: 0, recent: [] });
  });
  it('linux: core dumps by app and a kernel disk error', async () => {
    const data = await fixtureData(eventsProbe, 'linux', 'ubuntu-crashes');
    expect(data).toMatchObject({
      critical: 2,
      errors: 2,
      crashesByApp: [{ app: 'evolution', count: 2 }],
      categories: { appCrashes: 2, diskErrors: 1 },
    });
    expect(data.recent[0]?.message).toBe('<error>'); // a binary message decoded
  });
  it('windows: a blue screen after an unexpected shutdown, and Teams crashing three times', async () => {
    const data = await fixtureData(eventsProbe, 'win32', 'win11-bsod-teams-crashing');
    expect(data.categories).toEqual({
      unexpectedShutdowns: 2,
      blueScreens: 1,
      appCrashes: 3,
      appHangs: 0,
      diskErrors: 1,
      hardwareErrors: 0,
    });
    expect(data.crashesByApp).toEqual([{ app: 'ms-teams.exe', count: 3 }]);
    expect(data.recent[0]?.time).toBe('2026-11-24T09:55:00.0000000Z');
  });
  it('macOS: a kernel panic and an Excel crash today; the older report is left out', async () => {
    const data = await fixtureData(eventsProbe, 'darwin', 'sonoma-panic');
    expect(data).toMatchObject({
      critical: 1,
      errors: 1,
      categories: { blueScreens: 1, appCrashes: 1 },
      crashesByApp: [{ app: 'Microsoft Excel', count: 1 }],
    });
  });
  it('never throw on odd input', () => {
    expect(parseJournal('{bad json\n{"PRIORITY":"x"}\n').recent).toEqual([]);
    expect(parseWindowsEvents({ events: [{ level: 7 }] }).errors).toBe(0);
    expect(parseDiagnosticReports(['notes.txt'], new Date()).recent).toEqual([]);
    expect(windowsCategory('Some Provider', 1)).toBeNull();
  });
});
