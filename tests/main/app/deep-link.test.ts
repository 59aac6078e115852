/**
 * triage:// links can come from any web page: only two things may be asked, and paths are checked.
 */
import { describe, expect, it } from 'vitest';
import { findDeepLink, parseDeepLink } from '../../../main/app/deep-link';

describe('triage:// links', () => {
  it.each(['triage://get-help', 'triage://get-help/', 'triage:get-help', 'TRIAGE://Get-Help', 'triage://'])(
    '%s opens Get help',
    (link) => {
      expect(parseDeepLink(link)).toEqual({ ok: true, route: { screen: 'get-help' } });
    },
  );

  it('opens a local bundle for a technician', () => {
    expect(parseDeepLink('triage://open?path=C%3A%5CUsers%5Ctech%5CDownloads%5Ctriage-pc.zip')).toEqual({
      ok: true,
      route: { screen: 'technician', bundle: 'C:\\Users\\tech\\Downloads\\triage-pc.zip' },
    });
    expect(parseDeepLink('triage://open?path=%2Fhome%2Ftech%2Fb.zip')).toEqual({
      ok: true,
      route: { screen: 'technician', bundle: '/home/tech/b.zip' },
    });
    expect(parseDeepLink('triage://open')).toEqual({
      ok: true,
      route: { screen: 'technician', bundle: null },
    });
  });

  it.each([
    ['triage://open?path=%5C%5Cattacker%5Cshare%5Cb.zip', 'network paths'],
    ['triage://open?path=%2F%2Fattacker%2Fshare%2Fb.zip', 'network paths'],
    ['triage://open?path=https%3A%2F%2Fevil.example%2Fb.zip', 'network paths'],
    // Windows reads / and \ alike: each of these is the share \\host\share.
    [`triage://open?path=${encodeURIComponent('/\\host\\share\\b.zip')}`, 'network paths'],
    [`triage://open?path=${encodeURIComponent('\\/host/share/b.zip')}`, 'network paths'],
    [`triage://open?path=${encodeURIComponent('\\\\?\\UNC\\host\\share\\b.zip')}`, 'network paths'],
    [`triage://open?path=${encodeURIComponent('\\\\.\\pipe\\b.zip')}`, 'network paths'],
    [`triage://open?path=${encodeURIComponent('\\??\\UNC\\host\\b.zip')}`, 'network paths'],
    [`triage://open?path=${encodeURIComponent('C:b.zip')}`, 'absolute'],
    ['triage://open?path=%2Ftmp%2Fa%1Bb.zip', 'control characters'],
    ['triage://open?path=b.zip', 'absolute'],
    ['triage://open?path=C%3A%5Cx%5Cpayload.exe', 'only .zip'],
    ['triage://open?path=%2Ftmp%2Fa%0Ab.zip', 'control characters'],
    ['triage://run?cmd=calc', 'not something Triage links can do'],
    ['https://triage/get-help', 'not a triage:// link'],
    ['not a link', 'not a valid link'],
  ])('refuses %s', (link, reason) => {
    const result = parseDeepLink(link);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('finds the link among command-line arguments', () => {
    expect(findDeepLink(['C:\\Program Files\\Triage\\Triage.exe', '--flag', 'triage://get-help'])).toBe(
      'triage://get-help',
    );
    expect(findDeepLink(['Triage.exe'])).toBeNull();
  });
});
