/**
 * network.connectivity: proxy settings from each OS (real-output fixtures), the meaning of the check
 * URL's answer, and the proxy and PAC checks.
 */
import { describe, expect, it } from 'vitest';
import { connectivityProbe } from '../../../probes/network/connectivity';
import {
  judgeCheck,
  proxyFromGnome,
  proxyFromScutil,
  proxyFromWindows,
  proxyHostPort,
  type ConnectivityData,
} from '../../../probes/network/connectivity/parse';
import { fixtureData, runOnFixture } from '../../support/fixtures';

const data = (platform: 'linux' | 'win32' | 'darwin', scenario: string) =>
  fixtureData(connectivityProbe, platform, scenario);

describe('network.connectivity on fixtures', () => {
  it('linux: no proxy, the check URL answers as expected', async () => {
    const d = await data('linux', 'debian12-kvm');
    expect(d.check).toMatchObject({ outcome: 'ok', status: 200, viaProxy: null });
    expect(d.proxy).toMatchObject({ source: 'none', server: null, reachable: null });
  });
  it('linux: a hotel login page is a captive portal', async () => {
    expect((await data('linux', 'hotel-captive-portal')).check).toMatchObject({
      outcome: 'captive-portal',
      status: 302,
      location: expect.stringContaining('login.hotel-wifi.example'),
    });
  });
  it('linux: a proxy from the environment that does not answer, and no internet through it', async () => {
    const d = await data('linux', 'proxy-unreachable');
    expect(d.proxy).toMatchObject({
      source: 'environment',
      server: 'proxy.corp.example:3128',
      reachable: false,
      bypass: ['localhost', '127.0.0.1', '.corp.example'],
    });
    expect(d.check).toMatchObject({
      outcome: 'failed',
      viaProxy: 'proxy.corp.example:3128',
      error: expect.stringContaining('ECONNREFUSED'),
    });
  });
  it('windows: the https proxy of a per-protocol list, reachable; the PAC file is not', async () => {
    const d = await data('win32', 'win11-proxy-pac-down');
    expect(d.proxy).toMatchObject({
      source: 'windows',
      server: 'proxy.contoso.com:8080',
      reachable: true,
      pacUrl: 'http://pac.contoso.com/proxy.pac',
      pacReachable: false,
      autoDetect: false,
    });
    expect(d.check.outcome).toBe('ok');
  });
  // An Intune remediation runs as SYSTEM: its HKCU is SYSTEM's, whose "no proxy" is not the user's.
  it("windows, run as SYSTEM: the user's proxy is not read, and not reported as none", async () => {
    const envelope = await runOnFixture(connectivityProbe, 'win32', 'intune-as-system');
    expect((envelope.data as ConnectivityData).proxy).toMatchObject({
      source: 'not-read',
      server: null,
      autoDetect: null,
    });
    expect(envelope.gaps).toEqual([
      expect.objectContaining({
        part: "the user's proxy settings",
        message: expect.stringContaining('Triage ran as SYSTEM'),
      }),
    ]);
  });
  it('windows, run as SYSTEM: a proxy Group Policy sets per machine holds for the user too', async () => {
    const envelope = await runOnFixture(connectivityProbe, 'win32', 'intune-as-system-machine-proxy');
    expect((envelope.data as ConnectivityData).proxy).toMatchObject({
      source: 'windows',
      server: 'proxy.contoso.com:8080',
    });
    expect(envelope.gaps).toEqual([]);
  });
  it('windows and macOS: direct connections', async () => {
    expect((await data('win32', 'win11-direct')).proxy).toMatchObject({ server: null, autoDetect: true });
    expect((await data('darwin', 'sonoma-direct')).proxy).toMatchObject({
      source: 'macos',
      server: null,
      pacUrl: null,
      bypass: ['*.local', '169.254/16'],
    });
  });
});

describe('the check URL', () => {
  const answer = (status: number, body: string, location: string | null = null) => ({
    url: 'http://check.example/connecttest.txt',
    status,
    location,
    contentType: null,
    bodySnippet: body,
    durationMs: 10,
    viaProxy: null,
  });
  const expected = { status: 200, body: 'Microsoft Connect Test' };
  it.each([
    ['the expected text', answer(200, 'Microsoft Connect Test'), 'ok'],
    ['a redirect to a login host', answer(302, '', 'https://portal.wifi.example/login'), 'captive-portal'],
    [
      'a login page in place of the text',
      answer(200, '<!DOCTYPE html><form action="/login">'),
      'captive-portal',
    ],
    ['a redirect on the same host', answer(301, '', '/connecttest.txt?x'), 'unexpected'],
    ['a block page status', answer(403, 'Blocked by policy'), 'unexpected'],
  ] as const)('%s', (_what, result, outcome) => {
    expect(judgeCheck(result, expected)).toBe(outcome);
  });
});

describe('proxy settings', () => {
  it('never keep credentials', () => {
    expect(proxyHostPort('http://jo:secret@proxy.example:3128/')).toBe('proxy.example:3128');
    expect(proxyHostPort('proxy.example')).toBe('proxy.example:80');
    expect(proxyHostPort('::::')).toBeNull();
  });
  it('GNOME manual and automatic modes', () => {
    expect(
      proxyFromGnome({
        mode: "'manual'",
        autoconfigUrl: "''",
        host: "'proxy.example'",
        port: '3128',
        ignoreHosts: "['localhost', '10.0.0.0/8']",
      }),
    ).toMatchObject({ server: 'proxy.example:3128', bypass: ['localhost', '10.0.0.0/8'] });
    expect(
      proxyFromGnome({
        mode: "'auto'",
        autoconfigUrl: "'http://wpad.example/wpad.dat'",
        host: null,
        port: null,
        ignoreHosts: null,
      }),
    ).toMatchObject({ pacUrl: 'http://wpad.example/wpad.dat', autoDetect: false });
    expect(
      proxyFromGnome({ mode: "'none'", autoconfigUrl: null, host: null, port: null, ignoreHosts: null }),
    ).toBeNull();
  });
  it('odd input never throws', () => {
    expect(proxyFromWindows(null)).toMatchObject({ server: null, pacUrl: null });
    expect(proxyFromWindows({ proxyEnable: 1, proxyServer: 'garbage;;=' })).toMatchObject({
      source: 'windows',
    });
    expect(proxyFromScutil('')).toMatchObject({ server: null });
  });
});
