/**
 * The security probes on fixtures of each OS: antivirus, firewall, encryption, boot, management and
 * accounts, read as a standard user.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountsProbe } from '../../../probes/security/accounts';
import {
  isAdminFromGroups,
  parseGnomeLock,
  parseSysadminctl,
  parseWindowsAccounts,
} from '../../../probes/security/accounts/parse';
import { antivirusProbe } from '../../../probes/security/antivirus';
import {
  parseMdatpHealth,
  parseWindowsAntivirus,
  type AntivirusData,
} from '../../../probes/security/antivirus/parse';
import { bootProbe } from '../../../probes/security/boot';
import { parseWindowsBoot, secureBootFromEfivar } from '../../../probes/security/boot/parse';
import { encryptionProbe } from '../../../probes/security/encryption';
import { parseLsblk, parseWindowsEncryption } from '../../../probes/security/encryption/parse';
import { firewallProbe } from '../../../probes/security/firewall';
import {
  parseNftRuleset,
  parseSocketfilterfw,
  parseWindowsFirewall,
  productEnabled,
} from '../../../probes/security/firewall/parse';
import { mdmProbe } from '../../../probes/security/mdm';
import { parseDsregcmd, parseProfilesStatus } from '../../../probes/security/mdm/parse';
import type { Platform, Probe } from '../../../probes/types';
import { FIXTURES_ROOT, parseFixtureFile, runOnFixture } from '../../support/fixtures';

const data = async (probe: Probe, platform: Platform, scenario: string) =>
  (await runOnFixture(probe, platform, scenario)).data;

describe('security.antivirus', () => {
  // Real `mdatp health --output json` (GLPI agent's test data): every setting is an object.
  it('macOS: an active Defender for Endpoint, read from its settings objects', async () => {
    const { products } = (await data(antivirusProbe, 'darwin', 'defender-101.98.30')) as AntivirusData;
    expect(products).toContainEqual(
      expect.objectContaining({
        name: 'Microsoft Defender for Endpoint',
        enabled: true,
        realTimeProtection: true,
        passive: false,
        tamperProtected: true,
        signaturesUpToDate: true,
        signatureDate: '2023-05-03T05:48:58.089Z',
      }),
    );
  });
  it('linux: a passive Defender with real-time protection off is passive, not protecting', async () => {
    const { products } = (await data(antivirusProbe, 'linux', 'defender-passive-101.23062')) as AntivirusData;
    expect(products).toEqual([
      expect.objectContaining({ realTimeProtection: false, passive: true, tamperProtected: false }),
    ]);
  });
  it("windows: Defender on, signatures a day old; Defender's own entry in Security Center is not listed twice", async () => {
    expect(await data(antivirusProbe, 'win32', 'win11-defender')).toEqual({
      products: [
        {
          name: 'Microsoft Defender Antivirus',
          enabled: true,
          realTimeProtection: true,
          signaturesUpToDate: null,
          signatureDate: '2026-11-23T14:02:11.0000000Z',
          signatureAgeDays: 0,
          passive: false,
          tamperProtected: true,
        },
      ],
      gatekeeper: null,
    });
  });
  it('windows: Defender passive beside a third-party product that is off', async () => {
    const d = (await data(antivirusProbe, 'win32', 'win11-passive-stale')) as ReturnType<
      typeof parseWindowsAntivirus
    >;
    expect(d.products.map((p) => [p.name, p.enabled, p.passive])).toEqual([
      ['Microsoft Defender Antivirus', true, true],
      ['Contoso Endpoint Security', false, null],
    ]);
    expect(d.products[0]?.signatureAgeDays).toBe(55);
  });
  it('linux: nothing installed is data, not an error', async () => {
    const envelope = await runOnFixture(antivirusProbe, 'linux', 'debian12-kvm');
    expect(envelope.status).toBe('ok');
    expect(envelope.data).toEqual({ products: [], gatekeeper: null });
  });
  it('macOS: XProtect and Gatekeeper', async () => {
    expect(await data(antivirusProbe, 'darwin', 'sonoma')).toMatchObject({
      products: [{ name: 'XProtect 2199', enabled: true }],
      gatekeeper: true,
    });
  });
  it('decode Security Center states and Defender for Endpoint', () => {
    expect(productEnabled(0x61100)).toBe(true);
    expect(productEnabled(0x60100)).toBe(false);
    expect(
      parseMdatpHealth(
        {
          healthy: true,
          realTimeProtectionEnabled: true,
          definitionsStatus: 'up_to_date',
          definitionsUpdated: 1764000000000,
          passiveModeEnabled: false,
          tamperProtection: 'block',
        },
        new Date('2025-11-26T16:00:00Z'),
      ),
    ).toMatchObject({ signaturesUpToDate: true, signatureAgeDays: 2, tamperProtected: true });
    expect(parseWindowsAntivirus(null, new Date())).toEqual({ products: [], gatekeeper: null });
  });
});

describe('security.firewall', () => {
  it('windows: the Public profile off', async () => {
    expect(await data(firewallProbe, 'win32', 'win11-public-off')).toEqual({
      profiles: [
        { name: 'Domain', enabled: true, defaultInbound: 'block' },
        { name: 'Private', enabled: true, defaultInbound: 'block' },
        { name: 'Public', enabled: false, defaultInbound: 'block' },
      ],
      products: [],
    });
  });
  it('linux: nothing installed here; ufw on elsewhere, with the kernel rules needing admin rights said as a gap', async () => {
    expect(await data(firewallProbe, 'linux', 'debian12-kvm')).toEqual({ profiles: [], products: [] });
    const envelope = await runOnFixture(firewallProbe, 'linux', 'ubuntu-ufw-user');
    expect(envelope.status).toBe('partial');
    expect(envelope.gaps[0]?.message).toMatch(/root|permission|denied/i);
    expect(envelope.data).toEqual({
      profiles: [{ name: 'ufw', enabled: true, defaultInbound: null }],
      products: [],
    });
  });
  it('macOS: the application firewall off', async () => {
    expect(await data(firewallProbe, 'darwin', 'sonoma-off')).toEqual({
      profiles: [{ name: 'Application firewall', enabled: false, defaultInbound: null }],
      products: [],
    });
  });
  // Real socketfilterfw output (tests/fixtures/macos/socketfilterfw): State 2 is block-all, in
  // both wordings macOS has used for it.
  it.each([
    ['kolide-2024-on.txt', { enabled: true, defaultInbound: null }],
    ['kolide-web-old-wording.txt', { enabled: true, defaultInbound: null }],
    ['mcli-bigsur-block-all.txt', { enabled: true, defaultInbound: 'block' }],
    ['machealthcheck-2025-block-all.txt', { enabled: true, defaultInbound: 'block' }],
  ])('macOS: socketfilterfw %s', (name, expected) => {
    const { body } = parseFixtureFile(join(FIXTURES_ROOT, 'macos', 'socketfilterfw', name));
    expect(parseSocketfilterfw(body)).toMatchObject(expected);
  });
  it('macOS: when the block-all line and State disagree, the block-all line decides', async () => {
    // Hand-edited test data of another project: State 2 with block-all off (see its header).
    expect(await data(firewallProbe, 'darwin', 'kolide-stealth-on')).toEqual({
      profiles: [{ name: 'Application firewall', enabled: true, defaultInbound: null }],
      products: [],
    });
    expect(
      parseSocketfilterfw('Firewall is enabled. (State = 1)\nFirewall has block all state set to enabled.\n'),
    ).toMatchObject({ defaultInbound: 'block' });
    expect(parseSocketfilterfw('Firewall is enabled. (State = 2)\nBlock all ENABLED!\n')).toMatchObject({
      defaultInbound: 'block',
    });
  });
  it('reads nftables policies', () => {
    expect(parseNftRuleset({ nftables: [{ chain: { hook: 'input', policy: 'drop' } }] })).toMatchObject({
      enabled: true,
      defaultInbound: 'block',
    });
    expect(parseNftRuleset({ nftables: [] })).toMatchObject({ enabled: false });
    expect(parseWindowsFirewall('x')).toEqual({ profiles: [], products: [] });
  });
});

describe('security.encryption', () => {
  it('linux: / on a plain disk is not encrypted; an Ubuntu LUKS install is', async () => {
    expect(await data(encryptionProbe, 'linux', 'debian12-kvm')).toEqual({
      volumes: [{ mount: '/', system: true, technology: null, state: 'off' }],
    });
    expect(await data(encryptionProbe, 'linux', 'ubuntu-luks')).toEqual({
      volumes: [{ mount: '/', system: true, technology: 'luks', state: 'on' }],
    });
  });
  it('windows: BitLocker suspended on C:, off on D:', async () => {
    expect(await data(encryptionProbe, 'win32', 'win11-bitlocker-suspended')).toEqual({
      volumes: [
        { mount: 'C:', system: true, technology: 'bitlocker', state: 'suspended' },
        { mount: 'D:', system: false, technology: 'bitlocker', state: 'off' },
      ],
    });
  });
  it('macOS: FileVault on', async () =>
    expect(await data(encryptionProbe, 'darwin', 'sonoma-filevault-on')).toEqual({
      volumes: [{ mount: '/', system: true, technology: 'filevault', state: 'on' }],
    }));
  it('never throw on odd input', () => {
    expect(parseLsblk(null)).toEqual({ volumes: [] });
    expect(parseWindowsEncryption({ volumes: [{ drive: 'E:', bitLockerProtection: 'x' }] })).toEqual({
      volumes: [{ mount: 'E:', system: false, technology: 'bitlocker', state: 'unknown' }],
    });
  });
});

describe('security.boot', () => {
  it('linux: a legacy-BIOS guest without TPM', async () =>
    expect(await data(bootProbe, 'linux', 'debian12-kvm')).toEqual({
      firmware: 'bios',
      secureBoot: false,
      tpm: { present: false, version: null, ready: null },
    }));
  it('windows: UEFI with Secure Boot off and a working TPM 2.0', async () =>
    expect(await data(bootProbe, 'win32', 'win11-secure-boot-off')).toEqual({
      firmware: 'uefi',
      secureBoot: false,
      tpm: { present: true, version: '2.0', ready: true },
    }));
  it('macOS: Apple silicon boots only signed systems', async () =>
    expect(await data(bootProbe, 'darwin', 'sonoma-apple-silicon')).toMatchObject({
      firmware: 'apple',
      secureBoot: true,
    }));
  it('reads the SecureBoot EFI variable', () => {
    expect(secureBootFromEfivar('\x06\x00\x00\x00\x01')).toBe(true);
    expect(secureBootFromEfivar('\x06\x00\x00\x00\x00')).toBe(false);
    expect(parseWindowsBoot({ firmwareType: 'Legacy' })).toMatchObject({
      firmware: 'bios',
      secureBoot: false,
      tpm: { present: false },
    });
  });
});

describe('security.mdm', () => {
  it('macOS: enrolled through Automated Device Enrollment', async () =>
    expect(await data(mdmProbe, 'darwin', 'macos11-ade-nist')).toMatchObject({
      managed: true,
      // The server macOS 11 and later name is kept: it says which MDM manages the Mac.
      mdm: 'MDM at mdmserver:8443 (Automated Device Enrollment, User Approved)',
      managedBy: ['MDM at mdmserver:8443 (Automated Device Enrollment, User Approved)'],
    }));
  it('linux: no agent found is data', async () =>
    expect(await data(mdmProbe, 'linux', 'debian12-kvm')).toMatchObject({ managed: false, agents: [] }));
  it('never throw on odd input', () => {
    expect(parseDsregcmd('')).toMatchObject({ managed: null, join: null });
    expect(parseProfilesStatus('garbage')).toMatchObject({ managed: null });
  });
});

describe('security.accounts', () => {
  it('linux: a sudo user whose GNOME session would lock after 5 minutes', async () =>
    expect(await data(accountsProbe, 'linux', 'debian12-sudo-user')).toEqual({
      user: 'jdoe',
      isAdmin: true,
      screenLock: { enabled: true, timeoutSeconds: 300 },
    }));
  // Run as root (an MDM script, cron) or as SYSTEM (an Intune remediation), there is no user to
  // describe: root's or SYSTEM's own rights and screen lock must not be reported as the user's.
  it('linux: run as root, reads nothing as if it were the user and says why', async () => {
    const envelope = await runOnFixture(accountsProbe, 'linux', 'debian12-kvm');
    expect(envelope.data).toEqual({
      user: null,
      isAdmin: null,
      screenLock: { enabled: null, timeoutSeconds: null },
    });
    expect(envelope.status).toBe('partial');
    expect(envelope.gaps).toEqual([
      expect.objectContaining({
        part: 'the signed-in user',
        message: expect.stringContaining('Triage ran as root'),
      }),
    ]);
  });
  it('windows: run as SYSTEM by Intune, reads nothing as if it were the user and says why', async () => {
    const envelope = await runOnFixture(accountsProbe, 'win32', 'intune-remediation-as-system');
    expect(envelope.data).toMatchObject({ user: null, isAdmin: null });
    expect(envelope.gaps).toEqual([
      expect.objectContaining({ message: expect.stringContaining('Triage ran as SYSTEM') }),
    ]);
  });
  it('windows: an administrator without a screen lock', async () =>
    expect(await data(accountsProbe, 'win32', 'win11-admin-no-lock')).toEqual({
      user: 'CONTOSO\\jsmith',
      isAdmin: true,
      screenLock: { enabled: false, timeoutSeconds: null },
    }));
  it('macOS: an admin whose screen locks after 5 minutes', async () =>
    expect(await data(accountsProbe, 'darwin', 'sonoma-user')).toEqual({
      user: 'jsmith',
      isAdmin: true,
      screenLock: { enabled: true, timeoutSeconds: 300 },
    }));
  it('parsers', () => {
    expect(isAdminFromGroups('jsmith adm cdrom sudo')).toBe(true);
    expect(isAdminFromGroups('jsmith users')).toBe(false);
    expect(parseGnomeLock('true', 'uint32 0')).toEqual({ enabled: false, timeoutSeconds: null });
    expect(parseSysadminctl('screenLock is off')).toEqual({ enabled: false, timeoutSeconds: null });
    expect(parseWindowsAccounts({ inactivityTimeoutSecs: 900, screenSaveActive: '0' }).screenLock).toEqual({
      enabled: true,
      timeoutSeconds: 900,
    });
  });
});
