/**
 * Fixtures of real output, and a probe context that replays them.
 *
 * Layout: `tests/fixtures/<os>/<probe-id>/<scenario>.<step>.txt`, with `<os>` one of windows, macos,
 * linux. A scenario is one machine in one state (`win11-23h2-latitude7420`, `debian12-kvm`); it has
 * one file per thing the collector reads. Each file starts with a header, then `# ---`, then the
 * output exactly as it was produced:
 *
 *   # source: where this came from (machine, OS build, date; or the public page it was taken from)
 *   # evidence: captured                    (how true it is, one of EVIDENCE below)
 *   # command: ["lsblk", "-J", "-b"]        (a program and its arguments, as JSON)
 *   #   or  powershell: hardware-cpu.ps1    (one of our scripts)
 *   #   or  file: /proc/meminfo             (a file read)
 *   #   or  dir: /sys/class/power_supply    (a directory listing: one name per line)
 *   #   or  systeminformation: battery      (a systeminformation call's JSON result)
 *   #   or  net: network.json               (scripted results of active network checks, see below)
 *   #   or  env: env.json                   (environment variables, as a JSON object)
 *   # exit: 1                               (optional exit code of a command; default 0)
 *   # error: command-not-found              (optional: the operation fails with this ProbeError code)
 *   # ---
 *   <the output>
 *
 * A `net` file holds a JSON object whose keys are `<op> <args…>` (`queryDns 10.0.0.53 A www.example.org`,
 * `resolveSystem www.example.org`, `sntp time.example.org`, `httpGet http://…`, `tcpConnect host 8080`,
 * `ping 10.0.0.1`) and whose values are the result, or `{ "error": { "code": …, "message": … } }`.
 *
 * The context throws a plain Error (a test failure, reported as `internal`) when a collector asks for
 * something the scenario has no fixture for, so a collector cannot silently drift from its fixtures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_PROBE_CONFIG, type ProbeConfig } from '../../probes/config';
import { ProbeError, type ProbeErrorCode } from '../../probes/errors';
import { runProbes, type RunResult } from '../../probes/runner';
import type { Logger, NetworkOps, Platform, Probe, ProbeContext, ProbeEnvelope } from '../../probes/types';

export const FIXTURES_ROOT = join(__dirname, '..', 'fixtures');

export const OS_FOLDER: Readonly<Record<Platform, string>> = {
  win32: 'windows',
  darwin: 'macos',
  linux: 'linux',
};

/**
 * How far a fixture can be trusted, from strongest to weakest: `captured` on one of this project's
 * machines (Linux: verified live here); `published` — real output someone captured on a real machine
 * and published (a project's test data, an issue, a vendor's sample), verbatim or shortened;
 * `composed` from a format description or from parts of several sources — a guess, to be replaced.
 * `scripted` answers of Triage's own network checks are not operating-system output and count for
 * nothing. (Windows scenarios whose scripts run on stubs keep no saved script output: they run.)
 */
export const EVIDENCE = ['captured', 'published', 'composed', 'scripted'] as const;
export type Evidence = (typeof EVIDENCE)[number];

export interface FixtureFile {
  readonly path: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

/** Splits a fixture file into its header and its verbatim body. */
export function parseFixtureFile(path: string): FixtureFile {
  const text = readFileSync(path, 'utf8');
  const marker = text.indexOf('\n# ---\n');
  if (!text.startsWith('# ') || marker < 0)
    throw new Error(`${path}: a fixture starts with '# key: value' header lines and a '# ---' line`);
  const headers = new Map<string, string>();
  for (const line of text.slice(0, marker).split('\n')) {
    const match = /^# ([a-z-]+):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) headers.set(match[1], match[2].trim());
  }
  if (!headers.get('source'))
    throw new Error(`${path}: the header must say where the output came from ('# source: …')`);
  if (!(EVIDENCE as readonly string[]).includes(headers.get('evidence') ?? ''))
    throw new Error(`${path}: the header must say how true it is ('# evidence: ${EVIDENCE.join(' | ')}')`);
  return { path, headers, body: text.slice(marker + '\n# ---\n'.length) };
}

export function fixtureDir(platform: Platform, probeId: string): string {
  return join(FIXTURES_ROOT, OS_FOLDER[platform], probeId);
}

/** Scenario names for a probe on an OS (the part of each file name before the first dot). */
export function listScenarios(platform: Platform, probeId: string): string[] {
  const dir = fixtureDir(platform, probeId);
  if (!existsSync(dir)) return [];
  return [
    ...new Set(
      readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => f.split('.')[0] ?? f),
    ),
  ].sort();
}

export function loadScenario(
  platform: Platform,
  probeId: string,
  scenario: string,
  { allowNone = false } = {},
): FixtureFile[] {
  const dir = fixtureDir(platform, probeId);
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.startsWith(`${scenario}.`) && f.endsWith('.txt'))
        .map((f) => parseFixtureFile(join(dir, f)))
    : [];
  if (files.length === 0 && !allowNone)
    throw new Error(`No fixture files for scenario ${scenario} in ${dir}`);
  return files;
}

const KEYS = ['command', 'powershell', 'file', 'dir', 'systeminformation', 'net', 'env'] as const;

function keyOf(file: FixtureFile): { kind: (typeof KEYS)[number]; id: string } {
  for (const kind of KEYS) {
    const value = file.headers.get(kind);
    if (value !== undefined)
      return { kind, id: kind === 'command' ? JSON.stringify(JSON.parse(value)) : value };
  }
  throw new Error(
    `${file.path}: the header names no command, powershell, file, dir, systeminformation, net or env`,
  );
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export interface FixtureContextOptions {
  readonly config?: ProbeConfig;
  readonly now?: Date;
  readonly signal?: AbortSignal;
  /** Names the scenario in errors when it has no fixture files (a stubs-only scenario). */
  readonly scenarioName?: string;
  /** Runs our .ps1 scripts for real (under pwsh with stubs) instead of replaying their output. */
  readonly powershell?: (scriptPath: string) => Promise<unknown>;
}

/** A ProbeContext that answers from a scenario's fixture files. */
export function createFixtureContext(
  platform: Platform,
  files: readonly FixtureFile[],
  options: FixtureContextOptions = {},
): ProbeContext {
  const index = new Map<string, FixtureFile>();
  for (const file of files) {
    const { kind, id } = keyOf(file);
    index.set(`${kind} ${id}`, file);
  }
  const scenarioName = files[0] ? basename(files[0].path).split('.')[0] : (options.scenarioName ?? '?');
  const lookup = (kind: string, id: string): FixtureFile => {
    const file = index.get(`${kind} ${id}`);
    if (!file) throw new Error(`Scenario ${scenarioName} has no fixture for ${kind} ${id}`);
    const error = file.headers.get('error');
    if (error)
      throw new ProbeError(error as ProbeErrorCode, `${id}: ${file.body.trim() || error} (from fixture)`);
    return file;
  };
  const netFile = files.find((f) => f.headers.has('net'));
  const netAnswers = netFile ? (JSON.parse(netFile.body) as Record<string, unknown>) : {};
  const answer = async <T>(key: string): Promise<T> => {
    if (!(key in netAnswers)) throw new Error(`Scenario ${scenarioName} has no network answer for "${key}"`);
    const value = netAnswers[key] as { error?: { code: ProbeErrorCode; message: string } } | null;
    if (value && typeof value === 'object' && 'error' in value && value.error)
      throw new ProbeError(value.error.code, value.error.message);
    return value as T;
  };
  const net: NetworkOps = {
    resolveSystem: (name) => answer(`resolveSystem ${name}`),
    queryDns: (server, name, o) => answer(`queryDns ${server} ${o.type ?? 'A'} ${name}`),
    sntp: (server) => answer(`sntp ${server}`),
    httpGet: (url, o) => answer(`httpGet ${url}${o.proxy ? ` proxy=${o.proxy}` : ''}`),
    tcpConnect: (host, port) => answer(`tcpConnect ${host} ${port}`),
    ping: (host) => answer(`ping ${host}`),
  };
  const envFile = files.find((f) => f.headers.has('env'));
  const env = envFile ? (JSON.parse(envFile.body) as Record<string, string>) : {};
  return {
    platform,
    signal: options.signal ?? new AbortController().signal,
    config: options.config ?? DEFAULT_PROBE_CONFIG,
    log: silentLogger,
    net,
    now: () => options.now ?? new Date('2026-11-24T10:00:00Z'),
    env: (name) => env[name],
    async exec(file, args, execOptions = {}) {
      const fixture = lookup('command', JSON.stringify([file, ...args]));
      const exitCode = Number(fixture.headers.get('exit') ?? '0');
      if (!(execOptions.okExitCodes ?? [0]).includes(exitCode)) {
        throw new ProbeError(
          'command-failed',
          `${file} ${args.join(' ')} exited with code ${exitCode} (from fixture)`,
        );
      }
      return { stdout: fixture.body, stderr: '', exitCode, durationMs: 1 };
    },
    async readFile(path) {
      return lookup('file', path).body;
    },
    async readDir(path) {
      return lookup('dir', path)
        .body.split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    },
    async powershell(scriptPath) {
      if (options.powershell) return options.powershell(scriptPath);
      return JSON.parse(lookup('powershell', basename(scriptPath)).body) as unknown;
    },
    async systemInformation(fn) {
      return JSON.parse(lookup('systeminformation', fn).body) as never;
    },
  };
}

/** Runs one probe against one scenario through the real runner; returns its envelope. */
export async function runOnFixture(
  probe: Probe,
  platform: Platform,
  scenario: string,
  options: FixtureContextOptions = {},
): Promise<ProbeEnvelope> {
  const files = loadScenario(platform, probe.descriptor.id, scenario, { allowNone: !!options.powershell });
  const result: RunResult = await runProbes({
    platform,
    probes: [probe],
    config: options.config ?? DEFAULT_PROBE_CONFIG,
    log: silentLogger,
    createContext: ({ signal }) =>
      createFixtureContext(platform, files, { scenarioName: scenario, ...options, signal }),
  });
  const envelope = result.probes[0];
  if (!envelope) throw new Error('the runner returned no envelope');
  return envelope;
}

/** The data a probe collected from one scenario, typed as the probe declares; fails if it has none. */
export async function fixtureData<T extends object>(
  probe: Probe<T>,
  platform: Platform,
  scenario: string,
  options: FixtureContextOptions = {},
): Promise<T> {
  const envelope = await runOnFixture(probe, platform, scenario, options);
  if (envelope.data === null)
    throw new Error(`${probe.descriptor.id} collected nothing from ${scenario}: ${envelope.error?.message}`);
  return envelope.data as T;
}
