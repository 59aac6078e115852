/**
 * os.updates on Windows: os-updates.ps1 run for real under pwsh. In FullLanguage the Windows Update
 * Agent (COM, stubbed) gives the history: the last install is the newest quality update, never a
 * Defender definition update (KB2267602) or the MSRT. ConstrainedLanguage forbids COM: the script
 * says so (needs-full-language) and the hotfix list (Win32_QuickFixEngineering) still dates the last install.
 */
import { describe, expect, it } from 'vitest';
import { updatesProbe, type UpdatesData } from '../../../probes/os/updates';
import { pwshSupport, runOnStubs } from '../../support/pwsh';

const pwsh = pwshSupport();
const TIMEOUT = 30_000;
const now = new Date('2026-12-02T06:00:00Z');
const NEEDS_FULL_LANGUAGE = {
  part: 'windowsUpdate',
  code: 'needs-full-language',
  message:
    'needs FullLanguage: the update history, the updates waiting and the last check come from the Windows Update Agent, a COM API that ConstrainedLanguage does not allow.',
};

describe.skipIf(pwsh.skip)(`os.updates on Windows under pwsh ${pwsh.reason}`, () => {
  it(
    'FullLanguage: a Defender definition update and the MSRT newer than the cumulative update do not count as the last install',
    async () => {
      const envelope = await runOnStubs(updatesProbe, 'defender-newest-hotfixes-2019', 'FullLanguage', {
        now,
      });
      expect(envelope.error).toBeNull();
      expect(envelope.status).toBe('ok');
      expect(envelope.gaps).toEqual([]);
      expect(envelope.data as UpdatesData).toEqual({
        source: 'windows-update',
        lastInstalledAt: '2026-11-11T09:14:02.0000000Z',
        lastInstalledTitle:
          '2026-11 Cumulative Update for Windows 11 Version 25H2 for x64-based Systems (KB5068861)',
        daysSinceLastInstall: 20,
        pendingCount: 1,
        pendingSecurityCount: 0,
        lastCheckedAt: '2026-12-02T05:12:40.0000000Z',
        serviceState: 'running',
      });
    },
    TIMEOUT,
  );

  it(
    'ConstrainedLanguage: no COM, so a needs-full-language gap; the newest hotfix (KB4495590, 5/16/2019) dates the last install',
    async () => {
      const envelope = await runOnStubs(
        updatesProbe,
        'defender-newest-hotfixes-2019',
        'ConstrainedLanguage',
        {
          now,
        },
      );
      expect(envelope.status).toBe('partial');
      expect(envelope.gaps).toEqual([NEEDS_FULL_LANGUAGE]);
      expect(envelope.data as UpdatesData).toMatchObject({
        lastInstalledAt: '2019-05-16T00:00:00.0000000Z',
        lastInstalledTitle: 'KB4495590',
        pendingCount: null,
        pendingSecurityCount: null,
        lastCheckedAt: null,
        serviceState: 'running',
      });
    },
    TIMEOUT,
  );

  it(
    'FullLanguage: the agent cannot be reached and wuauserv is disabled: a windowsUpdate gap, the hotfix list dates the last install',
    async () => {
      const envelope = await runOnStubs(updatesProbe, 'server01-hotfixes-service-disabled', 'FullLanguage', {
        now,
      });
      expect(envelope.status).toBe('partial');
      expect(envelope.gaps).toEqual([
        expect.objectContaining({ part: 'windowsUpdate', code: 'command-failed' }),
      ]);
      expect(envelope.data as UpdatesData).toMatchObject({
        lastInstalledAt: '2019-05-16T00:00:00.0000000Z',
        lastInstalledTitle: 'KB4495590',
        pendingCount: null,
        serviceState: 'disabled',
      });
    },
    TIMEOUT,
  );

  it(
    'ConstrainedLanguage: the same machine: only the needs-full-language gap, the same hotfix, disabled service',
    async () => {
      const envelope = await runOnStubs(
        updatesProbe,
        'server01-hotfixes-service-disabled',
        'ConstrainedLanguage',
        { now },
      );
      expect(envelope.status).toBe('partial');
      expect(envelope.gaps).toEqual([NEEDS_FULL_LANGUAGE]);
      expect(envelope.data as UpdatesData).toMatchObject({
        lastInstalledAt: '2019-05-16T00:00:00.0000000Z',
        lastInstalledTitle: 'KB4495590',
        serviceState: 'disabled',
      });
    },
    TIMEOUT,
  );
});
