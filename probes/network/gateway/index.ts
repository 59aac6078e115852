/**
 * network.gateway — the default route and whether the router at its end answers: with no default
 * route nothing beyond the local network is reachable; a router that loses echo requests or answers
 * slowly explains a bad connection before any server is to blame.
 */
import { join } from 'node:path';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { optional } from '../../util/gaps';
import {
  parseIpRouteJson,
  parseRouteGet,
  parseWindowsRoutes,
  realGateway,
  type DefaultRoute,
  type GatewayData,
} from './parse';

export type { GatewayData } from './parse';

async function routes(
  ctx: ProbeContext,
  gaps: Gap[],
): Promise<{ ipv4: DefaultRoute | null; ipv6: DefaultRoute | null }> {
  if (ctx.platform === 'win32')
    return parseWindowsRoutes(await ctx.powershell(join(__dirname, 'network-gateway.ps1')));
  if (ctx.platform === 'darwin') {
    // `route get` exits 1 with "not in table" when there is no default route: that is the answer, not a failure.
    const [ipv4, ipv6] = await Promise.all([
      ctx.exec('route', ['-n', 'get', 'default'], { okExitCodes: [0, 1] }),
      optional(ctx, gaps, 'IPv6 default route', () =>
        ctx.exec('route', ['-n', 'get', '-inet6', 'default'], { okExitCodes: [0, 1] }),
      ),
    ]);
    return { ipv4: parseRouteGet(ipv4.stdout), ipv6: ipv6 ? parseRouteGet(ipv6.stdout) : null };
  }
  const [ipv4, ipv6] = await Promise.all([
    ctx.exec('ip', ['-j', '-4', 'route', 'show', 'default']),
    optional(ctx, gaps, 'IPv6 default route', () => ctx.exec('ip', ['-j', '-6', 'route', 'show', 'default'])),
  ]);
  return { ipv4: parseIpRouteJson(ipv4.stdout), ipv6: ipv6 ? parseIpRouteJson(ipv6.stdout) : null };
}

async function collect(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const { ipv4, ipv6 } = await routes(ctx, gaps);
  const gateway = realGateway(ipv4?.gateway ?? null);
  let ping: GatewayData['ping'] = null;
  if (gateway) {
    const { pingCount } = ctx.config.gateway;
    // Echoes go out every 0.2 s (see pingHost); the deadline leaves a second for the last answer.
    const result = await ctx.net.ping(gateway, { count: pingCount, timeoutMs: pingCount * 200 + 1_000 });
    ping = {
      sent: result.sent,
      received: result.received,
      lossPercent: result.lossPercent,
      avgMs: result.avgMs,
      minMs: result.minMs,
      maxMs: result.maxMs,
    };
  }
  const data: GatewayData = {
    defaultRoute: ipv4 !== null,
    gateway,
    interface: ipv4?.interface ?? null,
    ipv6Gateway: realGateway(ipv6?.gateway ?? null),
    ping,
  };
  return { data, gaps };
}

export const gatewayProbe = defineProbe<GatewayData>({
  descriptor: {
    id: 'network.gateway',
    title: 'Router (default gateway)',
    description: 'The default route, and loss and latency of echo requests to the router at its end.',
    platforms: ['win32', 'darwin', 'linux'],
    // gateway.pingCount echoes 0.2 s apart (20 at most: 5 s), plus the route lookup.
    timeoutMs: 8_000,
    fields: {
      defaultRoute: { type: 'boolean', description: 'An IPv4 default route exists.' },
      gateway: {
        type: 'string',
        nullable: true,
        sensitive: 'ip',
        description: "The router's IPv4 address (null for an on-link route, e.g. a VPN).",
      },
      interface: { type: 'string', nullable: true, description: 'The interface of the default route.' },
      ipv6Gateway: {
        type: 'string',
        nullable: true,
        sensitive: 'ip',
        description: 'The IPv6 default router.',
      },
      ping: { type: 'object', nullable: true, description: 'Echo requests to the router.' },
      'ping.sent': { type: 'integer', unit: 'count', description: 'Echo requests sent.' },
      'ping.received': { type: 'integer', unit: 'count', description: 'Answers received.' },
      'ping.lossPercent': { type: 'number', unit: 'percent', description: 'Requests without an answer.' },
      'ping.avgMs': { type: 'number', nullable: true, unit: 'ms', description: 'Average round trip.' },
      'ping.minMs': { type: 'number', nullable: true, unit: 'ms', description: 'Fastest round trip.' },
      'ping.maxMs': { type: 'number', nullable: true, unit: 'ms', description: 'Slowest round trip.' },
    },
  },
  collectors: { linux: collect, darwin: collect, win32: collect },
});
