/**
 * network.gateway: the default route from each OS (real-output fixtures) and echo requests to the router.
 */
import { describe, expect, it } from 'vitest';
import { gatewayProbe } from '../../../probes/network/gateway';
import {
  parseIpRouteJson,
  parseRouteGet,
  parseWindowsRoutes,
  realGateway,
} from '../../../probes/network/gateway/parse';
import { fixtureData, runOnFixture } from '../../support/fixtures';

const data = (platform: 'linux' | 'win32' | 'darwin', scenario: string) =>
  fixtureData(gatewayProbe, platform, scenario);

describe('network.gateway on fixtures', () => {
  it('linux: the default route and a router that answers', async () => {
    expect(await data('linux', 'debian12-kvm')).toMatchObject({
      defaultRoute: true,
      gateway: '192.0.2.1',
      interface: 'eth0',
      ipv6Gateway: 'fd00::1',
      ping: { lossPercent: 0 },
    });
  });
  it('linux: no default route at all, and no echo requests sent', async () => {
    expect(await data('linux', 'no-default-route')).toEqual({
      defaultRoute: false,
      gateway: null,
      interface: null,
      ipv6Gateway: null,
      ping: null,
    });
  });
  it('macOS: a lossy Wi-Fi router; no IPv6 route is an answer, not a failure', async () => {
    const envelope = await runOnFixture(gatewayProbe, 'darwin', 'sonoma-wifi-lossy');
    expect(envelope.status).toBe('ok');
    expect(envelope.data).toMatchObject({
      gateway: '192.168.1.1',
      interface: 'en0',
      ipv6Gateway: null,
      ping: { lossPercent: 25 },
    });
  });
  it("windows: the route with the lowest effective metric wins (the dock's Ethernet)", async () => {
    expect(await data('win32', 'win11-docked')).toMatchObject({
      gateway: '10.20.40.1',
      interface: 'Ethernet',
      ping: { received: 0 },
    });
  });
});

describe('route parsers', () => {
  it('return nothing for odd input, and say so when ip prints no JSON', () => {
    expect(parseIpRouteJson('[]')).toBeNull();
    expect(parseIpRouteJson('{"x":1}')).toBeNull();
    expect(() => parseIpRouteJson('not json')).toThrow(/ip route did not print valid JSON/);
    expect(parseRouteGet('')).toBeNull();
    expect(parseWindowsRoutes(null)).toEqual({ ipv4: null, ipv6: null });
  });
  it('treat an on-link route as having no router to ask', () => {
    expect(realGateway('0.0.0.0')).toBeNull();
    expect(realGateway('::')).toBeNull();
  });
});
