/**
 * security.accounts on Windows: security-accounts.ps1 run for real under pwsh (FullLanguage and
 * ConstrainedLanguage) with the registry stubbed from real values, and `whoami /groups /fo csv`
 * answering from real tokens: a UAC-filtered administrator (Administrators deny-only), an elevated
 * one, and a domain user.
 */
import { describe, expect, it } from 'vitest';
import { accountsProbe, type AccountsData } from '../../../probes/security/accounts';
import { LANGUAGE_MODES, pwshSupport, runOnStubs } from '../../support/pwsh';

const pwsh = pwshSupport();

describe.skipIf(pwsh.skip)(`security.accounts on Windows under pwsh ${pwsh.reason}`, () => {
  it.each(LANGUAGE_MODES)(
    '%s: an administrator in the UAC-filtered token (Administrators deny-only) is an administrator; the screen saver policy (600 s, password) wins over the user\'s own "off"',
    async (mode) => {
      const envelope = await runOnStubs(accountsProbe, 'windows-uac-admin-gpo-lock', mode);
      expect(envelope.error).toBeNull();
      expect(envelope.status).toBe('ok');
      expect(envelope.gaps).toEqual([]);
      expect(envelope.data as AccountsData).toEqual({
        user: 'DESKTOP-KA9RFN5\\admin',
        isAdmin: true,
        screenLock: { enabled: true, timeoutSeconds: 600 },
      });
    },
  );

  it.each(LANGUAGE_MODES)(
    "%s: an elevated administrator; Intune's machine inactivity limit (300 s) locks without any screen saver",
    async (mode) => {
      const envelope = await runOnStubs(accountsProbe, 'windows-elevated-admin-intune', mode);
      expect(envelope.status).toBe('ok');
      expect(envelope.data as AccountsData).toEqual({
        user: 'BFL-WKS02\\pilot',
        isAdmin: true,
        screenLock: { enabled: true, timeoutSeconds: 300 },
      });
    },
  );

  it.each(LANGUAGE_MODES)(
    '%s: a domain user on Server 2022 is not an administrator (a deny-only group that is not Administrators does not count); no lock',
    async (mode) => {
      const envelope = await runOnStubs(accountsProbe, 'windows-server2022-domain-user', mode);
      expect(envelope.status).toBe('ok');
      expect(envelope.data as AccountsData).toEqual({
        user: 'OFFICE\\ppotts',
        isAdmin: false,
        screenLock: { enabled: false, timeoutSeconds: null },
      });
    },
  );
});
