/**
 * The fault lab's scenarios: each network, what Triage must say about it (the most severe network
 * finding and its severity), and which other network findings are acceptable consequences. Anything
 * else in the network area is a miss. Run by tests/lab/lab.test.ts and `npm run lab`.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Severity } from '../../probes/findings/types';
import { labUnavailable, startLab, type LabSpec } from './lab';

export interface Scenario {
  readonly id: number;
  readonly title: string;
  readonly spec: LabSpec;
  /** The network finding that must come first, or null for "no network finding at all". */
  readonly expected: { readonly id: string; readonly severity: Severity } | null;
  /** Other network findings that may appear as consequences (e.g. packet loss also slows DNS). */
  readonly allowed?: readonly string[];
}

const healthy: LabSpec = { dhcp: 'on', dns: ['ok', 'ok'], ntp: 0, web: 'ok' };

export const SCENARIOS: readonly Scenario[] = [
  { id: 1, title: 'Healthy network', spec: healthy, expected: null },
  {
    id: 2,
    title: 'Primary DNS server dead, secondary fine',
    spec: { ...healthy, dns: ['dead', 'ok'] },
    expected: { id: 'network.dns-server-dead', severity: 'warning' },
  },
  {
    id: 3,
    title: 'All DNS servers dead',
    spec: { ...healthy, dns: ['dead', 'dead'] },
    expected: { id: 'network.dns-all-dead', severity: 'critical' },
  },
  {
    id: 4,
    title: 'DNS server slow (answers after 1.5 s)',
    spec: { ...healthy, dns: ['slow'] },
    expected: { id: 'network.dns-slow', severity: 'warning' },
  },
  {
    id: 5,
    title: "DNS server says the organisation's names do not exist",
    spec: { ...healthy, dns: ['lying'] },
    expected: { id: 'network.dns-lying', severity: 'critical' },
  },
  {
    id: 6,
    title: 'No DHCP server: self-assigned 169.254 address',
    spec: { ...healthy, dhcp: 'off' },
    expected: { id: 'network.self-assigned-address', severity: 'critical' },
  },
  {
    id: 7,
    title: 'DHCP lease about to end, not renewed',
    spec: { ...healthy, dhcp: { expiresInSeconds: 120 } },
    expected: { id: 'network.dhcp-lease-ending', severity: 'warning' },
  },
  {
    id: 8,
    title: 'Time server 10 minutes ahead',
    spec: { ...healthy, ntp: 600_000 },
    expected: { id: 'network.time-source-wrong', severity: 'critical' },
  },
  {
    id: 9,
    title: 'Time server unreachable',
    spec: { ...healthy, ntp: 'unreachable' },
    expected: { id: 'network.time-source-unreachable', severity: 'warning' },
  },
  {
    id: 10,
    title: 'No default route',
    spec: { ...healthy, defaultRoute: false },
    expected: { id: 'network.no-default-route', severity: 'critical' },
  },
  {
    id: 11,
    title: 'Default gateway does not answer',
    spec: { ...healthy, gatewayAnswersPing: false },
    expected: { id: 'network.gateway-unreachable', severity: 'warning' },
  },
  {
    id: 12,
    title: 'Captive portal',
    spec: { ...healthy, web: 'captive' },
    expected: { id: 'network.captive-portal', severity: 'warning' },
  },
  // Loss on the link also costs some single-try DNS and time queries: those findings are consequences.
  {
    id: 13,
    title: '20 % packet loss',
    spec: { ...healthy, lossPercent: 20 },
    expected: { id: 'network.gateway-poor', severity: 'warning' },
    allowed: [
      'network.target-poor',
      'network.dns-slow',
      'network.dns-server-dead',
      'network.dns-system-failing',
      'network.time-source-unreachable',
    ],
  },
  {
    id: 14,
    title: '300 ms latency',
    spec: { ...healthy, delayMs: 300 },
    expected: { id: 'network.gateway-poor', severity: 'warning' },
    allowed: ['network.target-poor'],
  },
  {
    id: 15,
    title: 'Proxy configured but unreachable',
    spec: { ...healthy, proxy: 'unreachable' },
    expected: { id: 'network.proxy-unreachable', severity: 'critical' },
  },
];

export interface ScenarioResult {
  readonly scenario: Scenario;
  /** Network findings Triage reported, most severe first: `id:severity`. */
  readonly got: string[];
  readonly pass: boolean;
  readonly why: string;
  /** Why the scenario could not be built on this machine (then it was not run). */
  readonly skipped: string | null;
  readonly seconds: number;
}

const CLI = join(__dirname, '..', '..', 'dist', 'main', 'cli', 'triage.js');

/** Starts the scenario's network, runs `triage collect` in it, and judges the network findings. */
export async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const started = performance.now();
  const unavailable = labUnavailable(scenario.spec);
  if (unavailable) return { scenario, got: [], pass: false, why: '', skipped: unavailable, seconds: 0 };
  const lab = await startLab(scenario.spec);
  try {
    const config = join(tmpdir(), `triage-lab-${lab.client}.json`);
    writeFileSync(config, JSON.stringify(lab.probeConfig));
    const out = lab.exec(
      process.execPath,
      [
        CLI,
        'collect',
        '--json',
        '--no-bundle',
        '--quiet',
        '--probes',
        'network',
        '--config',
        config,
        '--fail-on',
        'never',
      ],
      { env: { ...process.env, ...lab.env }, timeoutMs: 90_000 },
    );
    let parsed: { findings: { id: string; severity: Severity; area: string }[] };
    try {
      parsed = JSON.parse(out.stdout) as typeof parsed;
    } catch {
      throw new Error(`triage collect printed no JSON (exit ${out.status}): ${out.stderr.slice(-2000)}`);
    }
    // Problems only: "checked and fine" lines (severity ok) are not findings a scenario expects.
    const network = parsed.findings.filter((f) => f.area === 'network' && f.severity !== 'ok');
    const got = network.map((f) => `${f.id}:${f.severity}`);
    const allowed = new Set([scenario.expected?.id, ...(scenario.allowed ?? [])]);
    const unexpected = network.filter((f) => !allowed.has(f.id));
    const top = network[0];
    let why = '';
    if (scenario.expected === null && network.length > 0) why = 'expected no network finding';
    else if (
      scenario.expected &&
      (top?.id !== scenario.expected.id || top.severity !== scenario.expected.severity)
    )
      why = `expected ${scenario.expected.id}:${scenario.expected.severity} first`;
    else if (unexpected.length > 0) why = `unrelated: ${unexpected.map((f) => f.id).join(', ')}`;
    return {
      scenario,
      got,
      pass: why === '',
      why,
      skipped: null,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    lab.stop();
  }
}
