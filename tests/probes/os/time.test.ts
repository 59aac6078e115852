/**
 * os.time: time zone and the OS time service per OS.
 */
import { describe, expect, it } from 'vitest';
import { timeProbe } from '../../../probes/os/time';
import {
  localIso,
  offsetMinutes,
  parseChronyTracking,
  parseTimedatectl,
  zoneFromLink,
} from '../../../probes/os/time/parse';
import { fixtureData, runOnFixture } from '../../support/fixtures';

describe('os.time on fixtures', () => {
  it('linux without systemd: the zone from /etc/localtime, chrony installed but not running', async () => {
    const envelope = await runOnFixture(timeProbe, 'linux', 'debian12-kvm');
    expect(envelope.status).toBe('partial'); // timedatectl cannot run without systemd: said as a gap
    expect(envelope.data).toEqual({
      timeZone: 'Etc/UTC',
      utcOffsetMinutes: 0,
      localTime: '2026-11-24T10:00:00+00:00',
      service: { name: 'chrony', running: false, synchronized: false, lastSync: null },
    });
  });
  it('macOS: Berlin in winter is UTC+1; timed runs, its sync state needs admin', async () => {
    const data = await fixtureData(timeProbe, 'darwin', 'sonoma-berlin');
    expect(data).toEqual({
      timeZone: 'Europe/Berlin',
      utcOffsetMinutes: 60,
      localTime: '2026-11-24T11:00:00+01:00',
      service: { name: 'timed', running: true, synchronized: null, lastSync: null },
    });
  });
  it('windows: the zone id and W32Time running', async () => {
    const data = await fixtureData(timeProbe, 'win32', 'win11-domain');
    expect(data).toMatchObject({
      timeZone: 'W. Europe Standard Time',
      utcOffsetMinutes: 60,
      service: { name: 'w32time', running: true },
    });
  });
});

describe('time parsers', () => {
  it('read chrony tracking and timedatectl', () => {
    expect(
      parseChronyTracking(
        'C0A80101,192.168.1.1,3,1764000000.123,-0.000012,0.000010,0.000020,-1.2,0.01,0.1,0.02,0.001,64.5,Normal',
      ),
    ).toEqual({ synchronized: true, lastSync: '2025-11-24T16:00:00.123Z' });
    expect(parseChronyTracking('00000000,,0,0.000,0,0,0,0,0,0,0,0,0,Not synchronised')).toEqual({
      synchronized: false,
      lastSync: null,
    });
    expect(parseTimedatectl('Timezone=Europe/Berlin\nNTP=yes\nNTPSynchronized=no\n')).toEqual({
      zone: 'Europe/Berlin',
      enabled: true,
      synchronized: false,
    });
  });
  it('handle odd zones and links', () => {
    expect(zoneFromLink('/usr/share/zoneinfo/right/America/New_York')).toBe('America/New_York');
    expect(zoneFromLink('/etc/foo')).toBeNull();
    expect(offsetMinutes('Not/AZone', new Date())).toBeNull();
    expect(offsetMinutes('Asia/Kolkata', new Date('2026-01-01T00:00:00Z'))).toBe(330);
    expect(localIso(new Date('2026-11-24T10:00:00Z'), -300)).toBe('2026-11-24T05:00:00-05:00');
  });
});
