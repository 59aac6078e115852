/**
 * Security rules: each fires on the data that means trouble and stays silent otherwise.
 */
import { describe, expect, it } from 'vitest';
import { securityRules } from '../../../probes/findings/rules/security';
import type { AccountsData } from '../../../probes/security/accounts';
import type { AntivirusData } from '../../../probes/security/antivirus';
import { product } from '../../../probes/security/antivirus/parse';
import type { BootData } from '../../../probes/security/boot';
import type { EncryptionData } from '../../../probes/security/encryption';
import type { FirewallData } from '../../../probes/security/firewall';
import type { MdmData } from '../../../probes/security/mdm';
import type { Platform } from '../../../probes/types';
import { reportWith, type ReportData } from '../../support/reports';

const ids = (data: ReportData, platform: Platform = 'win32') =>
  securityRules
    .flatMap((r) => r.evaluate(reportWith(data, { platform })))
    .map((f) => `${f.id}:${f.severity}`);
const defender = (over = {}) =>
  product('Microsoft Defender Antivirus', {
    enabled: true,
    realTimeProtection: true,
    signatureAgeDays: 0,
    passive: false,
    ...over,
  });
const av = (...products: AntivirusData['products']): AntivirusData => ({ products, gatekeeper: null });
const fw = (publicOn: boolean, products: FirewallData['products'] = []): FirewallData => ({
  profiles: [
    { name: 'Domain', enabled: true, defaultInbound: 'block' },
    { name: 'Public', enabled: publicOn, defaultInbound: 'block' },
  ],
  products,
});
const enc = (state: EncryptionData['volumes'][number]['state']): EncryptionData => ({
  volumes: [{ mount: 'C:', system: true, technology: 'bitlocker', state }],
});
const boot = (over: Partial<BootData> = {}): BootData => ({
  firmware: 'uefi',
  secureBoot: true,
  tpm: { present: true, version: '2.0', ready: true },
  ...over,
});
const mdm = (over: Partial<MdmData> = {}): MdmData => ({
  managed: true,
  join: 'entra',
  mdm: 'Microsoft Intune',
  managedBy: ['Microsoft Intune'],
  tenantName: 'Contoso',
  deviceId: null,
  primaryRefreshToken: true,
  agents: [],
  ...over,
});
const accounts = (over: Partial<AccountsData> = {}): AccountsData => ({
  user: 'jsmith',
  isAdmin: false,
  screenLock: { enabled: true, timeoutSeconds: 600 },
  ...over,
});

describe('security rules', () => {
  it('stay silent on a well-protected managed laptop', () => {
    expect(
      ids({
        'security.antivirus': av(defender()),
        'security.firewall': fw(true),
        'security.encryption': enc('on'),
        'security.boot': boot(),
        'security.mdm': mdm(),
        'security.accounts': accounts(),
      }),
    ).toEqual([]);
  });
  it('are critical when no product protects in real time, including Defender passive alone', () => {
    expect(ids({ 'security.antivirus': av(defender({ realTimeProtection: false })) })).toEqual([
      'security.antivirus-off:critical',
    ]);
    expect(
      ids({
        'security.antivirus': av(defender({ passive: true }), product('Contoso AV', { enabled: false })),
      }),
    ).toEqual(['security.antivirus-off:critical']);
    expect(
      ids({
        'security.antivirus': av(defender({ passive: true }), product('Contoso AV', { enabled: true })),
      }),
    ).toEqual([]);
  });
  it('find no antivirus critical on Windows, informational on Linux', () => {
    expect(ids({ 'security.antivirus': av() })).toEqual(['security.no-antivirus:critical']);
    expect(ids({ 'security.antivirus': av() }, 'linux')).toEqual(['security.no-antivirus:info']);
  });
  it('warn on old signatures, critical after a week', () => {
    expect(ids({ 'security.antivirus': av(defender({ signatureAgeDays: 4 })) })).toEqual([
      'security.antivirus-signatures-old:warning',
    ]);
    expect(ids({ 'security.antivirus': av(defender({ signatureAgeDays: 55 })) })).toEqual([
      'security.antivirus-signatures-old:critical',
    ]);
  });
  it('flag a firewall off for public networks as critical, unless another firewall is on', () => {
    expect(ids({ 'security.firewall': fw(false) })).toEqual(['security.firewall-off:critical']);
    expect(ids({ 'security.firewall': fw(false, [{ name: 'Contoso Firewall', enabled: true }]) })).toEqual(
      [],
    );
  });
  it('flag an unencrypted system disk, critical on a laptop; and suspended BitLocker', () => {
    expect(ids({ 'security.encryption': enc('off') })).toEqual(['security.disk-not-encrypted:warning']);
    expect(
      ids({
        'security.encryption': enc('off'),
        'hardware.battery': {
          present: true,
          percent: 80,
          charging: false,
          onAc: false,
          designCapacityMwh: null,
          fullChargeCapacityMwh: null,
          healthPercent: null,
          cycleCount: null,
          condition: null,
        },
      }),
    ).toEqual(['security.disk-not-encrypted:critical']);
    expect(ids({ 'security.encryption': enc('suspended') })).toEqual([
      'security.encryption-suspended:warning',
    ]);
  });
  it('flag Secure Boot off and a missing or old TPM on Windows', () => {
    expect(ids({ 'security.boot': boot({ secureBoot: false }) })).toEqual([
      'security.secure-boot-off:warning',
    ]);
    expect(ids({ 'security.boot': boot({ secureBoot: false }) }, 'linux')).toEqual([]);
    expect(ids({ 'security.boot': boot({ tpm: { present: false, version: null, ready: null } }) })).toEqual([
      'security.tpm-missing:warning',
    ]);
    expect(ids({ 'security.boot': boot({ tpm: { present: true, version: '1.2', ready: true } }) })).toEqual([
      'security.tpm-missing:warning',
    ]);
  });
  it('flag an unmanaged device, and a joined one without its sign-in token', () => {
    expect(ids({ 'security.mdm': mdm({ managed: false, join: 'none', mdm: null }) })).toEqual([
      'security.not-managed:warning',
    ]);
    expect(ids({ 'security.mdm': mdm({ join: 'hybrid', primaryRefreshToken: false }) })).toEqual([
      'security.no-sso-token:warning',
    ]);
    expect(ids({ 'security.mdm': mdm({ managed: false }) }, 'linux')).toEqual([]);
  });
  it('tell IT about local admins, and warn about a missing or slow screen lock', () => {
    expect(ids({ 'security.accounts': accounts({ isAdmin: true }) })).toEqual([
      'security.user-is-admin:info',
    ]);
    expect(
      ids({ 'security.accounts': accounts({ screenLock: { enabled: false, timeoutSeconds: null } }) }),
    ).toEqual(['security.no-screen-lock:warning']);
    expect(
      ids({ 'security.accounts': accounts({ screenLock: { enabled: true, timeoutSeconds: 3600 } }) }),
    ).toEqual(['security.screen-lock-slow:warning']);
    expect(
      ids({ 'security.accounts': accounts({ screenLock: { enabled: null, timeoutSeconds: null } }) }),
    ).toEqual([]);
  });
});
