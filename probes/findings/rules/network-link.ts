/** Finding rules over the network link probes (interfaces, gateway, DHCP, VPN). Thresholds are named constants with the reason for their value. */
import { probeData } from '../../report';
import type { FindingRule } from '../types';

/**
 * Echo requests to one's own router should never be lost; on Wi-Fi an occasional one is. One in ten
 * lost is already enough to break calls and stall downloads.
 */
const GATEWAY_LOSS_PERCENT = 10;
/** A router on the same LAN answers in a few ms (Wi-Fi: tens of ms); 100 ms or more means congestion or a weak radio link. */
const GATEWAY_SLOW_MS = 100;

const noDefaultRoute: FindingRule = {
  id: 'network.no-default-route',
  area: 'network',
  inputs: ['network.gateway'],
  evaluate(run) {
    const gateway = probeData(run, 'network.gateway');
    if (!gateway || gateway.defaultRoute) return [];
    return [{ id: 'network.no-default-route', severity: 'critical', area: 'network', params: {}, evidence: [{ probe: 'network.gateway', field: 'defaultRoute', value: false }], settings: 'network' }];
  },
};

const gatewayUnreachable: FindingRule = {
  id: 'network.gateway-unreachable',
  area: 'network',
  inputs: ['network.gateway'],
  evaluate(run) {
    const gateway = probeData(run, 'network.gateway');
    if (!gateway?.gateway || !gateway.ping || gateway.ping.received > 0) return [];
    // Some corporate routers drop echo requests on purpose, so this is a warning, not proof of an outage.
    return [{ id: 'network.gateway-unreachable', severity: 'warning', area: 'network', params: { gateway: gateway.gateway }, evidence: [{ probe: 'network.gateway', field: 'ping.received', value: 0 }], settings: 'network' }];
  },
};

const gatewayPoor: FindingRule = {
  id: 'network.gateway-poor',
  area: 'network',
  inputs: ['network.gateway'],
  evaluate(run) {
    const gateway = probeData(run, 'network.gateway');
    const ping = gateway?.ping;
    if (!gateway?.gateway || !ping || ping.received === 0) return [];
    if (ping.lossPercent < GATEWAY_LOSS_PERCENT && (ping.avgMs ?? 0) < GATEWAY_SLOW_MS) return [];
    return [
      {
        id: 'network.gateway-poor',
        severity: 'warning',
        area: 'network',
        params: { gateway: gateway.gateway, lossPercent: Math.round(ping.lossPercent), avgMs: Math.round(ping.avgMs ?? 0) },
        evidence: [
          { probe: 'network.gateway', field: 'ping.lossPercent', value: ping.lossPercent },
          { probe: 'network.gateway', field: 'ping.avgMs', value: ping.avgMs },
        ],
        settings: 'wifi',
      },
    ];
  },
};

export const networkLinkRules: readonly FindingRule[] = [noDefaultRoute, gatewayUnreachable, gatewayPoor];
