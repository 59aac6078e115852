/**
 * network.ntp: configured time sources from each OS (real-output fixtures), Triage's own SNTP
 * queries, and telling a wrong server from a wrong local clock.
 */
import { describe, expect, it } from 'vitest';
import { ntpProbe } from '../../../probes/network/ntp';
import {
  judgeOffsets,
  parseChronySources,
  parseNtpConf,
  parseTimesyncdConf,
  parseW32TimeServers,
} from '../../../probes/network/ntp/parse';
import { fixtureData } from '../../support/fixtures';

const data = (platform: 'linux' | 'win32' | 'darwin', scenario: string) =>
  fixtureData(ntpProbe, platform, scenario);

describe('network.ntp on fixtures', () => {
  it('linux: chrony not running, so its configuration names the pool; both sources agree', async () => {
    const d = await data('linux', 'debian12-kvm');
    expect(d.configured).toEqual({ service: 'chrony', mode: null, servers: ['2.debian.pool.ntp.org'] });
    expect(d).toMatchObject({ clockOffsetMs: 3, offsetFrom: '2.debian.pool.ntp.org' });
    expect(d.servers.every((s) => !s.wrongClock)).toBe(true);
  });
  it('windows in a domain (NT5DS): no listed server is used; the fallback still measures the clock', async () => {
    const d = await data('win32', 'win11-domain');
    expect(d.configured).toEqual({ service: 'w32time', mode: 'NT5DS', servers: [] });
    expect(d.clockOffsetMs).toBe(-12);
  });
  it('windows: a configured server ten minutes ahead is the wrong one, not this machine', async () => {
    const d = await data('win32', 'win11-server-ten-minutes-ahead');
    expect(d.servers.map((s) => [s.server, s.wrongClock])).toEqual([
      ['ntp.contoso.com', true],
      ['time.windows.com', false],
    ]);
    expect(d.clockOffsetMs).toBe(8);
  });
  it('macOS: every source says this clock is seven minutes behind', async () => {
    const d = await data('darwin', 'sonoma-clock-behind');
    expect(d.configured.servers).toEqual(['time.apple.com.']);
    expect(d.clockOffsetMs).toBeLessThan(-420_000);
    expect(d.servers.some((s) => s.wrongClock)).toBe(false);
  });
});

describe('judging offsets', () => {
  const s = (server: string, role: 'configured' | 'fallback', offsetMs: number | null) => ({
    server,
    role,
    offsetMs,
    roundTripMs: 10,
    stratum: 2,
    error: offsetMs === null ? 'timeout' : null,
  });
  it('the majority wins over a lone wrong server, whatever its role', () => {
    const judged = judgeOffsets([
      s('a', 'configured', 5),
      s('b', 'configured', 600_000),
      s('c', 'fallback', 9),
    ]);
    expect(judged.servers.map((x) => x.wrongClock)).toEqual([false, true, false]);
    expect(judged.clockOffsetMs).toBe(5);
  });
  it('an unreachable server is not called wrong, and nobody answering gives no offset', () => {
    expect(judgeOffsets([s('a', 'configured', null), s('b', 'fallback', 40)])).toMatchObject({
      clockOffsetMs: 40,
      servers: [{ wrongClock: false }, { wrongClock: false }],
    });
    expect(judgeOffsets([s('a', 'configured', null)]).clockOffsetMs).toBeNull();
  });
});

describe('configuration parsers', () => {
  it('read each format, ignoring comments and local reference clocks', () => {
    expect(
      parseNtpConf(
        '# x\npool 2.debian.pool.ntp.org iburst\nserver 127.127.1.0\nserver ntp1.corp.example prefer # main\n',
      ),
    ).toEqual(['2.debian.pool.ntp.org', 'ntp1.corp.example']);
    expect(
      parseChronySources(
        '^,*,10.0.0.5,2,6,377,32,-0.0001,-0.0001,0.002\n^,?,10.0.0.6,0,6,0,-,0,0,0\n#,*,PPS,0,4,377,1,0,0,0\n',
      ),
    ).toEqual(['10.0.0.5', '10.0.0.6']);
    expect(
      parseTimesyncdConf('[Time]\n#NTP=\nNTP=\nFallbackNTP=0.debian.pool.ntp.org 1.debian.pool.ntp.org\n'),
    ).toEqual(['0.debian.pool.ntp.org', '1.debian.pool.ntp.org']);
    expect(parseW32TimeServers('time.windows.com,0x9 ntp.corp.example,0x8')).toEqual([
      'time.windows.com',
      'ntp.corp.example',
    ]);
  });
  it('never throw on odd input', () => {
    expect(parseNtpConf('\0garbage')).toEqual([]);
    expect(parseChronySources('506 Cannot talk to daemon')).toEqual([]);
    expect(parseW32TimeServers(null)).toEqual([]);
  });
});
