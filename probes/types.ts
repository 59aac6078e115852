/**
 * The probe contract: what a probe declares, what it may do, and what it returns.
 *
 * This file is a contract file: the renderer may import its *types* (never values).
 * Probe ids and field paths declared here are part of the bundle schema, so they never change
 * once released; add new ones instead.
 */
import type systeminformation from 'systeminformation';
import type { ProbeConfig } from './config';
import type { ProbeErrorCode } from './errors';

/** Operating systems Triage runs on, spelled the way Node's `process.platform` spells them. */
export type Platform = 'win32' | 'darwin' | 'linux';
export const PLATFORMS: readonly Platform[] = ['win32', 'darwin', 'linux'];

export type ProbeArea = 'hardware' | 'os' | 'network' | 'security';
export const PROBE_AREAS: readonly ProbeArea[] = ['hardware', 'os', 'network', 'security'];

/** A probe id, `area.name`: stable forever, because bundles and findings refer to it. */
export type ProbeId = `${ProbeArea}.${string}`;

/**
 * Kinds of personal or secret data a field can hold. Redaction levels decide, per kind,
 * whether the value is kept, replaced by a stable placeholder, or removed.
 */
export type SensitiveKind =
  'username' | 'hostname' | 'email' | 'ip' | 'mac' | 'serial' | 'ssid' | 'path' | 'identifier' | 'secret';

export const SENSITIVE_KINDS: readonly SensitiveKind[] = [
  'username',
  'hostname',
  'email',
  'ip',
  'mac',
  'serial',
  'ssid',
  'path',
  'identifier',
  'secret',
];

export type FieldType =
  'string' | 'number' | 'integer' | 'boolean' | 'object' | 'string[]' | 'number[]' | 'object[]';
export const FIELD_TYPES: readonly FieldType[] = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'string[]',
  'number[]',
  'object[]',
];

/**
 * Documentation of one field of a probe's data, keyed by its path in the descriptor:
 * `total`, `volumes` (an `object[]`), `volumes[].mount`. The conformance test checks that every
 * path a parser produces is documented here with the right type, so these docs can be trusted
 * (they also feed the bundle's JSON Schema).
 */
export interface FieldDoc {
  readonly type: FieldType;
  readonly description: string;
  /** Unit of a number: bytes, ms, percent, MHz, seconds, celsius, dBm, Mbps, count… */
  readonly unit?: string;
  /** `null` is allowed and means "the operating system did not say". */
  readonly nullable?: boolean;
  /** The field may hold personal or secret data of this kind. */
  readonly sensitive?: SensitiveKind;
  /** The only values a string field takes. */
  readonly enum?: readonly string[];
}

/** What a probe is, declared once; the runner, the docs, the schema and redaction read it. */
export interface ProbeDescriptor {
  readonly id: ProbeId;
  /** Short name a technician reads in a report, e.g. "DNS servers". */
  readonly title: string;
  /** One or two sentences: what it checks and how. */
  readonly description: string;
  /** Where a collector exists. Elsewhere the probe reports `unsupported`. */
  readonly platforms: readonly Platform[];
  /** Budget for the whole probe; a probe that needs more than the default says why in a comment. */
  readonly timeoutMs: number;
  readonly fields: Readonly<Record<string, FieldDoc>>;
}

/** Something a collector could not find out, while the rest of its data is good (status `partial`). */
export interface Gap {
  /** Which part is missing, in a word or a field path, e.g. `smart` or `wifi`. */
  readonly part: string;
  readonly code: ProbeErrorCode;
  readonly message: string;
}

export interface Collected<T> {
  readonly data: T;
  readonly gaps?: readonly Gap[];
}

/** Does the I/O for one platform (through the context only) and hands text/JSON to pure parsers. */
export type Collector<T> = (ctx: ProbeContext) => Promise<Collected<T>>;

export interface Probe<T extends object = object> {
  readonly descriptor: ProbeDescriptor;
  readonly collectors: Readonly<Partial<Record<Platform, Collector<T>>>>;
}

/** Declares a probe with its data type inferred from its collectors. */
export function defineProbe<T extends object>(probe: Probe<T>): Probe<T> {
  return probe;
}

// ---------------------------------------------------------------------------------------------
// The context: the only door a collector has to the machine.

export interface ExecOptions {
  /** Per-command budget; defaults to the run's command timeout. */
  readonly timeoutMs?: number;
  /** Exit codes that mean success; anything else throws `command-failed`. Default `[0]`. */
  readonly okExitCodes?: readonly number[];
  /** Stop reading (and fail) past this many bytes of stdout. Default 16 MiB. */
  readonly maxBytes?: number;
}

export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly durationMs: number;
}

export type DnsOutcome =
  'ok' | 'nxdomain' | 'nodata' | 'servfail' | 'refused' | 'timeout' | 'unreachable' | 'error';

export interface DnsAnswer {
  readonly name: string;
  /** The server asked, or `system` for the operating system's resolver. */
  readonly server: string;
  readonly outcome: DnsOutcome;
  readonly addresses: readonly string[];
  readonly durationMs: number;
  /** The resolver's own words when the outcome is not `ok`. */
  readonly detail?: string;
}

export interface SntpResult {
  readonly server: string;
  /** Which address the name resolved to and was asked. */
  readonly address: string;
  /** Local clock minus server clock, in ms: positive means this machine is ahead. */
  readonly offsetMs: number;
  readonly roundTripMs: number;
  readonly stratum: number;
  /** The server's reference id as text (e.g. `GPS`, an address, or `LOCL`). */
  readonly referenceId: string;
}

export interface HttpResult {
  readonly url: string;
  readonly status: number;
  /** The `Location` header of a redirect, which a captive portal uses to send you to its login page. */
  readonly location: string | null;
  readonly contentType: string | null;
  /** The first bytes of the body (capped: `maxBodyBytes`), as text. */
  readonly bodySnippet: string;
  readonly durationMs: number;
  /** Set when the request went through a proxy: `host:port`. */
  readonly viaProxy: string | null;
}

export interface PingResult {
  readonly host: string;
  readonly alive: boolean;
  readonly sent: number;
  readonly received: number;
  readonly lossPercent: number;
  readonly avgMs: number | null;
  readonly minMs: number | null;
  readonly maxMs: number | null;
}

/**
 * Active network checks. Failures that are facts (a dead server, a timeout, NXDOMAIN) come back as
 * data; only an aborted run or a programming error throws.
 */
export interface NetworkOps {
  /** Resolves a name through the operating system's resolver, as any app would. */
  resolveSystem(name: string, options: { timeoutMs: number }): Promise<DnsAnswer>;
  /** Asks one DNS server directly, bypassing the OS resolver, so each server can be judged. */
  queryDns(
    server: string,
    name: string,
    options: { timeoutMs: number; type?: 'A' | 'AAAA' },
  ): Promise<DnsAnswer>;
  /** One SNTP (RFC 4330) exchange with a time server; throws `timeout` or `network-error` as a ProbeError. */
  sntp(server: string, options: { timeoutMs: number }): Promise<SntpResult>;
  /** One GET without following redirects; throws `timeout`/`network-error` as a ProbeError. */
  /** `maxBodyBytes`: how much of the body to keep (default 4 KB, enough to judge a page). */
  httpGet(
    url: string,
    options: { timeoutMs: number; proxy?: string | null; maxBodyBytes?: number },
  ): Promise<HttpResult>;
  /** Opens and closes a TCP connection; resolves with the connect time, throws a ProbeError if it fails. */
  tcpConnect(host: string, port: number, options: { timeoutMs: number }): Promise<{ durationMs: number }>;
  /** ICMP echo through the system `ping`; an unanswered host is `alive: false`, not an error. */
  ping(host: string, options: { count: number; timeoutMs: number }): Promise<PingResult>;
}

/** The systeminformation functions collectors may call (no arguments: those carry no injection risk). */
export type SystemInformationFunction =
  | 'cpu'
  | 'cpuCurrentSpeed'
  | 'currentLoad'
  | 'mem'
  | 'memLayout'
  | 'battery'
  | 'graphics'
  | 'diskLayout'
  | 'blockDevices'
  | 'fsSize'
  | 'osInfo'
  | 'time'
  | 'processes'
  | 'networkInterfaces'
  | 'wifiConnections'
  | 'uuid'
  | 'system';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface ProbeContext {
  readonly platform: Platform;
  /** Aborted when the probe's budget runs out or the run is cancelled. */
  readonly signal: AbortSignal;
  /** Targets and thresholds (test names, time servers, check URL…), from defaults or managed policy. */
  readonly config: ProbeConfig;
  readonly log: Logger;
  /** Runs a program with an argument array (never a shell string). Throws ProbeError on failure. */
  exec(file: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /** Reads a text file (UTF-8), capped at `maxBytes` (default 4 MiB). Throws ProbeError (`not-found`, `permission-denied`). */
  readFile(path: string, options?: { maxBytes?: number }): Promise<string>;
  /** Names in a directory. Throws ProbeError (`not-found`, `permission-denied`). */
  readDir(path: string): Promise<string[]>;
  /**
   * Runs one of our `.ps1` scripts by path (probes/system/powershell.ts) and returns its JSON output,
   * parsed. Script file names are unique (`hardware-cpu.ps1`): fixtures and the bundle name them.
   */
  powershell(script: string): Promise<unknown>;
  /** Calls a systeminformation function (Linux and macOS only: on Windows it would start its own PowerShell). */
  systemInformation<K extends SystemInformationFunction>(fn: K): Promise<SystemInformationResult<K>>;
  /** An environment variable of this process (e.g. proxy settings). */
  env(name: string): string | undefined;
  readonly net: NetworkOps;
  now(): Date;
}

export type SystemInformationResult<K extends SystemInformationFunction> = Awaited<
  ReturnType<(typeof systeminformation)[K]>
>;

// ---------------------------------------------------------------------------------------------
// What the runner returns.

export type ProbeStatus = 'ok' | 'partial' | 'unsupported' | 'timeout' | 'error';
export const PROBE_STATUSES: readonly ProbeStatus[] = ['ok', 'partial', 'unsupported', 'timeout', 'error'];

export type OperationKind =
  'exec' | 'powershell' | 'read' | 'dns' | 'ntp' | 'http' | 'tcp' | 'ping' | 'systeminformation';

/** One thing a probe did, for the technician reading the bundle: what ran, how it ended, how long it took. */
export interface OperationRecord {
  readonly kind: OperationKind;
  /** Program, script, file path, server or function. */
  readonly target: string;
  readonly args: readonly string[];
  /** Exit code for programs and scripts; null for the others or when it never exited. */
  readonly exitCode: number | null;
  readonly durationMs: number;
  /** Error code when it failed. */
  readonly error: ProbeErrorCode | null;
}

export interface ProbeEnvelope<T extends object = object> {
  readonly id: ProbeId;
  readonly status: ProbeStatus;
  readonly startedAt: string;
  readonly durationMs: number;
  /** Present for `ok` and `partial`. */
  readonly data: T | null;
  /** What could not be found out, for `partial`. */
  readonly gaps: readonly Gap[];
  /** Why the probe did not give data, for `unsupported`, `timeout` and `error`. */
  readonly error: { readonly code: ProbeErrorCode; readonly message: string } | null;
  readonly operations: readonly OperationRecord[];
}

export type ProgressEvent =
  | {
      readonly type: 'run-started';
      readonly total: number;
      readonly probes: readonly { id: ProbeId; title: string }[];
    }
  | { readonly type: 'probe-started'; readonly id: ProbeId; readonly title: string }
  | {
      readonly type: 'probe-finished';
      readonly id: ProbeId;
      readonly status: ProbeStatus;
      readonly durationMs: number;
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'run-finished'; readonly durationMs: number };
