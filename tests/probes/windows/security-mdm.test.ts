/**
 * security.mdm on Windows: `dsregcmd /status`, started by absolute path, on real output of a
 * workgroup laptop (no script: dsregcmd's keys are not translated).
 */
import { describe, expect, it } from 'vitest';
import { mdmProbe } from '../../../probes/security/mdm';
import { runOnFixture } from '../../support/fixtures';

describe('security.mdm on Windows', () => {
  it('a workgroup laptop: not joined, not enrolled; dsregcmd run as C:\\Windows\\System32\\dsregcmd.exe', async () => {
    const envelope = await runOnFixture(mdmProbe, 'win32', 'windows-not-joined-lenovo');
    expect(envelope.error).toBeNull();
    expect(envelope.status).toBe('ok');
    expect(envelope.data).toEqual({
      managed: false,
      join: 'none',
      mdm: null,
      tenantName: null,
      deviceId: null,
      primaryRefreshToken: false,
      agents: [],
    });
  });
});
