/**
 * Pure parsers for network.gateway: the default route of each OS.
 */
import { asArray, asInteger, asNumber, asString, parseJson, prop } from '../../util/parse';

export interface DefaultRoute {
  gateway: string | null;
  interface: string | null;
}

export interface GatewayData {
  /** An IPv4 default route exists: without one, nothing beyond the local network is reachable. */
  defaultRoute: boolean;
  gateway: string | null;
  interface: string | null;
  ipv6Gateway: string | null;
  ping: {
    sent: number;
    received: number;
    lossPercent: number;
    avgMs: number | null;
    minMs: number | null;
    maxMs: number | null;
  } | null;
}

/** `ip -j route show default` (either family): the first route, which the kernel prefers. */
export function parseIpRouteJson(text: string): DefaultRoute | null {
  const parsed = parseJson(text, 'ip route');
  const routes = Array.isArray(parsed)
    ? (parsed as unknown[]).filter(
        (r) => asString(prop(r, 'dev')) !== null || asString(prop(r, 'gateway')) !== null,
      )
    : [];
  // Lowest metric first, as the kernel chooses; routes without one have metric 0.
  const sorted = [...routes].sort(
    (a, b) => (asNumber(prop(a, 'metric')) ?? 0) - (asNumber(prop(b, 'metric')) ?? 0),
  );
  const first = sorted[0];
  if (!first) return null;
  return { gateway: asString(prop(first, 'gateway')), interface: asString(prop(first, 'dev')) };
}

/** `route -n get default` (macOS): key: value lines; "not in table" (exit 1) means no default route. */
export function parseRouteGet(text: string): DefaultRoute | null {
  const value = (key: string): string | null =>
    new RegExp(`^\\s*${key}:\\s*(\\S+)`, 'm').exec(text)?.[1] ?? null;
  if (!value('interface') && !value('gateway')) return null;
  return { gateway: value('gateway'), interface: value('interface') };
}

/** network-gateway.ps1: Get-NetRoute default routes with their effective metric, best first. */
export function parseWindowsRoutes(json: unknown): { ipv4: DefaultRoute | null; ipv6: DefaultRoute | null } {
  const pick = (family: string): DefaultRoute | null => {
    const routes = asArray(prop(json, family) as unknown[]).sort(
      (a, b) => (asInteger(prop(a, 'metric')) ?? 0) - (asInteger(prop(b, 'metric')) ?? 0),
    );
    const best = routes[0];
    return best
      ? { gateway: asString(prop(best, 'nextHop')), interface: asString(prop(best, 'interfaceAlias')) }
      : null;
  };
  return { ipv4: pick('ipv4'), ipv6: pick('ipv6') };
}

/** An on-link default route (a VPN or point-to-point link) has no gateway address: 0.0.0.0 or ::. */
export function realGateway(address: string | null): string | null {
  return address && address !== '0.0.0.0' && address !== '::' ? address : null;
}
