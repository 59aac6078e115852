/**
 * Network services rules (DNS, time, connectivity): each fires on the data that means trouble and
 * stays silent on a healthy network.
 */
import { describe, expect, it } from 'vitest';
import { networkServicesRules } from '../../../probes/findings/rules/network-services';
import type { DnsData } from '../../../probes/network/dns';
import type { DnsServerResult, ServerVerdict } from '../../../probes/network/dns/parse';
import { reportWith, type ReportData } from '../../support/reports';

const run = (data: ReportData) => networkServicesRules.flatMap((r) => r.evaluate(reportWith(data)));
const ids = (data: ReportData) => run(data).map((f) => `${f.id}:${f.severity}`);

const server = (address: string, verdict: ServerVerdict, over: Partial<DnsServerResult> = {}): DnsServerResult => ({
  address,
  interfaces: ['Ethernet'],
  verdict,
  medianMs: verdict === 'dead' ? null : verdict === 'slow' ? 1400 : 12,
  queries: [{ name: 'intranet.corp.example', outcome: verdict === 'lying' ? 'nxdomain' : verdict === 'dead' ? 'timeout' : 'ok', addresses: [], durationMs: 12 }],
  ...over,
});
const dns = (servers: DnsServerResult[], systemResolves = true): DnsData => ({
  source: 'windows',
  servers,
  searchDomains: [],
  system: [{ name: 'www.example.org', outcome: systemResolves ? 'ok' : 'timeout', addresses: [], durationMs: 10 }],
  systemResolves,
});

describe('DNS rules', () => {
  it('stay silent on a healthy network', () => {
    expect(run({ 'network.dns': dns([server('10.0.0.10', 'ok'), server('10.0.0.11', 'ok')]) })).toEqual([]);
  });
  it('name the dead server when another one works', () => {
    const [finding] = run({ 'network.dns': dns([server('10.0.0.10', 'dead'), server('10.0.0.11', 'ok')]) });
    expect(finding).toMatchObject({ id: 'network.dns-server-dead', severity: 'warning', params: { server: '10.0.0.10', working: '10.0.0.11' } });
  });
  it('are critical when every server is dead, and say nothing else about it', () => {
    expect(ids({ 'network.dns': dns([server('10.0.0.10', 'dead'), server('10.0.0.11', 'dead')], false) })).toEqual(['network.dns-all-dead:critical']);
  });
  it('flag a slow server', () => {
    expect(ids({ 'network.dns': dns([server('10.0.0.10', 'slow')]) })).toEqual(['network.dns-slow:warning']);
  });
  it('flag a lying server: a warning beside an honest one, critical alone', () => {
    expect(ids({ 'network.dns': dns([server('192.168.1.1', 'lying'), server('10.0.0.10', 'ok')]) })).toEqual(['network.dns-lying:warning']);
    const [alone] = run({ 'network.dns': dns([server('192.168.1.1', 'lying')]) });
    expect(alone).toMatchObject({ severity: 'critical', params: { server: '192.168.1.1', names: 'intranet.corp.example' } });
  });
  it('flag a server answering with errors', () => {
    expect(ids({ 'network.dns': dns([server('10.0.0.10', 'failing'), server('10.0.0.11', 'ok')]) })).toEqual(['network.dns-server-failing:warning']);
  });
  it('blame the computer when the servers answer but its own lookups fail', () => {
    expect(ids({ 'network.dns': dns([server('10.0.0.10', 'ok')], false) })).toEqual(['network.dns-system-failing:warning']);
  });
  it('stay silent without DNS data', () => {
    expect(run({})).toEqual([]);
  });
});
