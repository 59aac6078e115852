import { describe, expect, it } from 'vitest';
import { uptimeProbe } from '../../../probes/os/uptime';
import { macosUptime, windowsUptime } from '../../../probes/os/uptime/parse';
import { runOnFixture } from '../../support/fixtures';

describe('os.uptime on real-output fixtures', () => {
  it('linux debian12-kvm', async () => {
    const envelope = await runOnFixture(uptimeProbe, 'linux', 'debian12-kvm');
    expect(envelope.status).toBe('ok');
    expect((envelope.data as { uptimeSeconds: number }).uptimeSeconds).toBeGreaterThan(0);
  });

  it('win32 with Fast Startup, up 23 days', async () => {
    const envelope = await runOnFixture(uptimeProbe, 'win32', 'win11-fast-startup-23-days');
    expect(envelope.data).toEqual({
      bootTime: '2026-11-01T07:58:10.500Z',
      uptimeSeconds: 23 * 86400 + 2 * 3600 + 1 * 60 + 49,
      fastStartupEnabled: true,
    });
  });

  it('darwin', async () => {
    const envelope = await runOnFixture(uptimeProbe, 'darwin', 'macos14');
    expect(envelope.data).toMatchObject({
      bootTime: '2026-11-20T08:00:00.000Z',
      uptimeSeconds: 4 * 86400 + 2 * 3600,
      fastStartupEnabled: null,
    });
  });

  it('refuses output it cannot read', () => {
    expect(macosUptime('garbage', new Date())).toBeNull();
    expect(windowsUptime({ lastBootUpTime: 'not a date' }, new Date())).toBeNull();
  });
});
