/** Finding rules over the network services probes (DNS, time, connectivity). Thresholds are named constants with the reason for their value. */
import { probeData } from '../../report';
import type { Finding, FindingRule } from '../types';

const dnsEvidence = (address: string, verdict: string) => [{ probe: 'network.dns' as const, field: 'servers[].verdict', value: `${address}: ${verdict}` }];

const dnsAllDead: FindingRule = {
  id: 'network.dns-all-dead',
  area: 'network',
  inputs: ['network.dns'],
  evaluate(run) {
    const dns = probeData(run, 'network.dns');
    if (!dns || dns.servers.length === 0 || !dns.servers.every((s) => s.verdict === 'dead')) return [];
    // No name resolves: to the user "the internet is down", although the link may be fine.
    return [{ id: 'network.dns-all-dead', severity: 'critical', area: 'network', params: { servers: dns.servers.map((s) => s.address).join(', ') }, evidence: dns.servers.flatMap((s) => dnsEvidence(s.address, s.verdict)), settings: 'network' }];
  },
};

const dnsServerDead: FindingRule = {
  id: 'network.dns-server-dead',
  area: 'network',
  inputs: ['network.dns'],
  evaluate(run) {
    const dns = probeData(run, 'network.dns');
    if (!dns) return [];
    const working = dns.servers.filter((s) => s.verdict !== 'dead');
    // With a working server left, lookups still succeed but each one first waits for the dead one.
    if (working.length === 0) return [];
    return dns.servers
      .filter((s) => s.verdict === 'dead')
      .map((s): Finding => ({ id: 'network.dns-server-dead', severity: 'warning', area: 'network', params: { server: s.address, working: working.map((w) => w.address).join(', ') }, evidence: dnsEvidence(s.address, s.verdict) }));
  },
};

const dnsSlow: FindingRule = {
  id: 'network.dns-slow',
  area: 'network',
  inputs: ['network.dns'],
  evaluate(run) {
    const dns = probeData(run, 'network.dns');
    if (!dns) return [];
    return dns.servers
      .filter((s) => s.verdict === 'slow')
      .map((s): Finding => ({ id: 'network.dns-slow', severity: 'warning', area: 'network', params: { server: s.address, medianMs: s.medianMs ?? 0 }, evidence: [{ probe: 'network.dns', field: 'servers[].medianMs', value: s.medianMs }] }));
  },
};

const dnsLying: FindingRule = {
  id: 'network.dns-lying',
  area: 'network',
  inputs: ['network.dns'],
  evaluate(run) {
    const dns = probeData(run, 'network.dns');
    if (!dns) return [];
    return dns.servers
      .filter((s) => s.verdict === 'lying')
      .map((s): Finding => {
        const denied = s.queries.filter((q) => q.outcome === 'nxdomain' || q.outcome === 'nodata').map((q) => q.name);
        // Critical when no other server answers truthfully: then the organisation's services are
        // unreachable by name. With an honest server beside it, lookups fail only sometimes: a warning.
        const honest = dns.servers.some((o) => o !== s && (o.verdict === 'ok' || o.verdict === 'slow'));
        return { id: 'network.dns-lying', severity: honest ? 'warning' : 'critical', area: 'network', params: { server: s.address, names: denied.join(', ') }, evidence: dnsEvidence(s.address, s.verdict), settings: 'vpn' };
      });
  },
};

const dnsFailing: FindingRule = {
  id: 'network.dns-server-failing',
  area: 'network',
  inputs: ['network.dns'],
  evaluate(run) {
    const dns = probeData(run, 'network.dns');
    if (!dns) return [];
    return dns.servers
      .filter((s) => s.verdict === 'failing')
      .map((s): Finding => ({ id: 'network.dns-server-failing', severity: 'warning', area: 'network', params: { server: s.address }, evidence: dnsEvidence(s.address, s.verdict) }));
  },
};

const systemResolverFailing: FindingRule = {
  id: 'network.dns-system-failing',
  area: 'network',
  inputs: ['network.dns'],
  evaluate(run) {
    const dns = probeData(run, 'network.dns');
    if (!dns || dns.systemResolves) return [];
    // Only when the servers themselves answer: otherwise the dead-server findings already explain it.
    if (!dns.servers.some((s) => s.verdict === 'ok' || s.verdict === 'slow')) return [];
    const failed = dns.system.filter((q) => q.outcome !== 'ok').map((q) => q.name);
    return [{ id: 'network.dns-system-failing', severity: 'warning', area: 'network', params: { names: failed.join(', ') }, evidence: [{ probe: 'network.dns', field: 'systemResolves', value: false }] }];
  },
};

export const networkServicesRules: readonly FindingRule[] = [dnsAllDead, dnsServerDead, dnsSlow, dnsLying, dnsFailing, systemResolverFailing];
