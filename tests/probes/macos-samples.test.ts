/**
 * macOS parsers on real output published from real Macs, one program per folder
 * (tests/fixtures/macos/<program>/, each file naming its source): the variants Apple has printed
 * across versions and hardware, read the way a technician would read them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proxyFromScutil } from '../../probes/network/connectivity/parse';
import { parseScutilDns } from '../../probes/network/dns/parse';
import { parseVmStat } from '../../probes/hardware/memory/parse';
import { parseSysadminctl } from '../../probes/security/accounts/parse';
import { FIXTURES_ROOT, parseFixtureFile } from '../support/fixtures';

const sample = (program: string, name: string): string =>
  parseFixtureFile(join(FIXTURES_ROOT, 'macos', program, `${name}.txt`)).body;

describe('sysadminctl -screenLock status (stderr, with or without its timestamp prefix)', () => {
  it.each([
    ['macos14.8.7-immediate', { enabled: true, timeoutSeconds: 0 }],
    ['macos14.8.7-300-seconds', { enabled: true, timeoutSeconds: 300 }],
    ['macos26.6.2-5-seconds', { enabled: true, timeoutSeconds: 5 }],
    ['macos26.6.2-off', { enabled: false, timeoutSeconds: null }],
  ])('%s', (name, expected) => expect(parseSysadminctl(sample('sysadminctl', name))).toEqual(expected));
});

describe('scutil --proxy', () => {
  it('no proxy set: only the exceptions macOS keeps by default', () =>
    expect(proxyFromScutil(sample('scutil-proxy', 'no-proxy-default'))).toEqual({
      source: 'macos',
      server: null,
      pacUrl: null,
      autoDetect: null,
      bypass: ['*.local', '169.254/16'],
    }));
  it('a PAC file set by the company', () =>
    expect(proxyFromScutil(sample('scutil-proxy', 'macos10.15.7-pac'))).toMatchObject({
      server: null,
      pacUrl: 'http://wpad.company.com/wpad.dat',
    }));
  it('every proxy switched off again by a proxy app: direct, with its exception list', () =>
    expect(proxyFromScutil(sample('scutil-proxy', 'proxy-app-disabled'))).toMatchObject({
      server: null,
      pacUrl: null,
      bypass: expect.arrayContaining(['127.0.0.1', '*.local', '<local>']),
    }));
});

describe('vm_stat: available memory = (free + inactive + speculative + purgeable) × its page size', () => {
  it.each([
    // Sums worked out by hand from each file's own lines.
    ['macos14.4.1-m1pro', 754_847 * 16_384],
    ['macos14.3.1-intel-vm', 282_833 * 4_096],
    ['macos10.15-intel', 4_217_321 * 4_096],
  ])('%s', (name, bytes) => expect(parseVmStat(sample('vm_stat', name))).toBe(bytes));
});

describe('scutil --dns: the servers of every interface, scoped ones included', () => {
  it('a VPN whose servers macOS lists only for scoped queries (the main section has none)', () =>
    expect(parseScutilDns(sample('scutil-dns', 'macos10.13-openvpn-scoped-only')).servers).toEqual([
      { address: '8.8.8.8', interfaces: ['utun0'] },
      { address: '8.8.4.4', interfaces: ['utun0'] },
    ]));
  it('the same servers in both sections count once', () =>
    expect(parseScutilDns(sample('scutil-dns', 'macos14-tailscale-both-sections')).servers).toEqual([
      { address: '192.168.100.101', interfaces: ['en0'] },
      { address: '192.168.100.102', interfaces: ['en0'] },
    ]));
});
