/**
 * security.antivirus, security.boot, security.encryption and security.firewall on Windows: their
 * scripts run for real under pwsh (FullLanguage and ConstrainedLanguage, as App Control imposes),
 * with cmdlets, CIM, registry and COM stubbed from real captures (each stubs.json names its sources).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { antivirusProbe, type AntivirusData } from '../../../probes/security/antivirus';
import { bootProbe } from '../../../probes/security/boot';
import { encryptionProbe } from '../../../probes/security/encryption';
import { firewallProbe } from '../../../probes/security/firewall';
import { LANGUAGE_MODES, pwshSupport, runOnStubs } from '../../support/pwsh';

const pwsh = pwshSupport();

// Windows sets these for every process; the scripts read them from the environment pwsh inherits.
const WINDOWS_ENV = { firmware_type: 'UEFI', SystemDrive: 'C:' } as const;
const saved = Object.fromEntries(Object.keys(WINDOWS_ENV).map((k) => [k, process.env[k]]));
beforeAll(() => Object.assign(process.env, WINDOWS_ENV));
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) Reflect.deleteProperty(process.env, k);
    else process.env[k] = v;
  }
});

describe.skipIf(pwsh.skip)(`security probes on Windows under pwsh ${pwsh.reason}`, () => {
  it.each(LANGUAGE_MODES)(
    '%s antivirus: Get-MpComputerStatus fails, yet Defender stays in the report from Security Center (on, up to date), with the failure as a gap',
    async (mode) => {
      const envelope = await runOnStubs(antivirusProbe, 'windows-defender-mpstatus-fails', mode);
      expect(envelope.status).toBe('partial');
      expect(envelope.gaps).toEqual([
        {
          part: 'Microsoft Defender status (Get-MpComputerStatus)',
          code: 'command-failed',
          message: expect.stringContaining('0x800106ba'),
        },
      ]);
      expect((envelope.data as AntivirusData).products).toEqual([
        {
          name: 'Windows Defender',
          enabled: true,
          realTimeProtection: null,
          signaturesUpToDate: true,
          signatureDate: null,
          signatureAgeDays: null,
          passive: null,
          tamperProtected: null,
        },
      ]);
    },
  );

  it.each(LANGUAGE_MODES)(
    "%s antivirus: Defender's own status; its Security Center entry is not listed twice",
    async (mode) => {
      const envelope = await runOnStubs(antivirusProbe, 'windows-defender-doc', mode, {
        now: new Date('2013-08-02T03:01:45Z'),
      });
      expect(envelope.status).toBe('ok');
      expect((envelope.data as AntivirusData).products).toEqual([
        {
          name: 'Microsoft Defender Antivirus',
          enabled: true,
          realTimeProtection: true,
          signaturesUpToDate: null,
          signatureDate: '2013-07-30T03:01:45.0000000Z',
          signatureAgeDays: 3,
          passive: false,
          tamperProtected: false,
        },
      ]);
    },
  );

  it.each(LANGUAGE_MODES)(
    '%s boot: UEFI, Secure Boot off, a working TPM 2.0 (zh-CN desktop)',
    async (mode) => {
      const envelope = await runOnStubs(bootProbe, 'windows-desktop-secure-boot-off', mode);
      expect(envelope.status).toBe('ok');
      expect(envelope.data).toEqual({
        firmware: 'uefi',
        secureBoot: false,
        tpm: { present: true, version: '2.0', ready: true },
      });
    },
  );

  it.each(LANGUAGE_MODES)(
    '%s boot: Secure Boot on; the TPM found past the Pluton processor',
    async (mode) => {
      const envelope = await runOnStubs(bootProbe, 'windows-lunarlake-pluton', mode);
      expect(envelope.data).toEqual({
        firmware: 'uefi',
        secureBoot: true,
        tpm: { present: true, version: '2.0', ready: true },
      });
    },
  );

  it('FullLanguage encryption: BitLocker on C:, read through the Shell as a standard user can', async () => {
    const envelope = await runOnStubs(encryptionProbe, 'windows10-fr-bitlocker-on', 'FullLanguage');
    expect(envelope.status).toBe('ok');
    expect(envelope.gaps).toEqual([]);
    expect(envelope.data).toEqual({
      volumes: [{ mount: 'C:', system: true, technology: 'bitlocker', state: 'on' }],
    });
  });

  it('ConstrainedLanguage encryption: no Shell COM object; Win32_EncryptableVolume (administrator) still says on, and the gap says why', async () => {
    const envelope = await runOnStubs(encryptionProbe, 'windows10-fr-bitlocker-on', 'ConstrainedLanguage');
    expect(envelope.status).toBe('partial');
    expect(envelope.gaps).toEqual([
      {
        part: 'BitLocker state as a standard user',
        code: 'needs-full-language',
        message: expect.stringMatching(/^needs FullLanguage: the Shell\.Application COM object/),
      },
    ]);
    expect(envelope.data).toEqual({
      volumes: [{ mount: 'C:', system: true, technology: 'bitlocker', state: 'on' }],
    });
  });

  it('FullLanguage encryption as a standard user: the Shell answers; Win32_EncryptableVolume is not asked', async () => {
    const envelope = await runOnStubs(encryptionProbe, 'windows10-fr-standard-user', 'FullLanguage');
    expect(envelope.status).toBe('ok');
    expect(envelope.data).toEqual({
      volumes: [{ mount: 'C:', system: true, technology: 'bitlocker', state: 'on' }],
    });
  });

  it('ConstrainedLanguage encryption as a standard user: the state is unknown, and both reasons are gaps', async () => {
    const envelope = await runOnStubs(encryptionProbe, 'windows10-fr-standard-user', 'ConstrainedLanguage');
    expect(envelope.status).toBe('partial');
    expect(envelope.gaps.map((g) => [g.part, g.code])).toEqual([
      ['BitLocker state as a standard user', 'needs-full-language'],
      ['BitLocker state (Win32_EncryptableVolume)', 'permission-denied'],
    ]);
    expect(envelope.data).toEqual({
      volumes: [{ mount: 'C:', system: true, technology: 'bitlocker', state: 'unknown' }],
    });
  });

  it.each(LANGUAGE_MODES)(
    '%s firewall: a server whose Domain profile allows unsolicited inbound; no Security Center there',
    async (mode) => {
      const envelope = await runOnStubs(firewallProbe, 'windows-server-domain-inbound-allowed', mode);
      expect(envelope.status).toBe('ok');
      expect(envelope.data).toEqual({
        profiles: [
          { name: 'Domain', enabled: true, defaultInbound: 'allow' },
          { name: 'Private', enabled: true, defaultInbound: 'block' },
          { name: 'Public', enabled: true, defaultInbound: 'block' },
        ],
        products: [],
      });
    },
  );

  it.each(LANGUAGE_MODES)(
    "%s firewall: a French laptop's Domain profile on, inbound not configured (blocked)",
    async (mode) => {
      const envelope = await runOnStubs(firewallProbe, 'windows-fr-student-domain', mode);
      expect(envelope.data).toEqual({
        profiles: [{ name: 'Domain', enabled: true, defaultInbound: 'block' }],
        products: [],
      });
    },
  );
});
