/**
 * The real probe context: the machine, seen through the one door collectors have.
 *
 * Every operation is recorded (what, arguments, exit code, duration, error code) into the probe's
 * envelope, so a technician can see exactly what Triage did on the user's machine.
 */
import { readdir, open } from 'node:fs/promises';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import si from 'systeminformation';
import type { ProbeConfig } from '../config';
import { ProbeError, describeError } from '../errors';
import type {
  Logger,
  NetworkOps,
  OperationKind,
  OperationRecord,
  Platform,
  ProbeContext,
  SystemInformationFunction,
  SystemInformationResult,
} from '../types';
import { runProgram } from './exec';
import { createNetworkOps } from './network';
import type { PowerShellHost } from './powershell';

export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;
const DEFAULT_EXEC_MAX_BYTES = 16 * 1024 * 1024;
const DEFAULT_READ_MAX_BYTES = 4 * 1024 * 1024;

export interface SystemContextOptions {
  readonly platform: Platform;
  readonly signal: AbortSignal;
  readonly config: ProbeConfig;
  readonly log: Logger;
  readonly commandTimeoutMs: number;
  /** Shared by the whole run (one session); absent off Windows. */
  readonly powershell?: PowerShellHost;
  /** Receives each operation as it ends. */
  readonly record: (operation: OperationRecord) => void;
  /** When the probe's budget runs out (epoch ms); a script gets no more time than that. */
  readonly budgetEndsAt?: number;
}

/** Maps a Node file-system error to a probe error a technician can act on. */
function fileError(path: string, error: unknown): ProbeError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new ProbeError('not-found', `${path} does not exist on this machine.`, { cause: error });
  if (code === 'EACCES' || code === 'EPERM')
    return new ProbeError('permission-denied', `${path} cannot be read without more rights.`, {
      cause: error,
    });
  return new ProbeError('command-failed', `${path} could not be read: ${(error as Error).message}`, {
    cause: error,
  });
}

async function readCapped(path: string, maxBytes: number): Promise<string> {
  // Files under /proc and /sys report size 0, so read up to the cap rather than trusting stat.
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(maxBytes, 1024 * 1024));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes)
        throw new ProbeError(
          'output-too-large',
          `${path} is larger than ${maxBytes} bytes; it was not read.`,
        );
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

export function createSystemContext(options: SystemContextOptions): ProbeContext {
  const { platform, signal, config, log, powershell, commandTimeoutMs } = options;

  async function recorded<T>(
    kind: OperationKind,
    target: string,
    args: readonly string[],
    work: () => Promise<T>,
    exitCodeOf: (value: T) => number | null = () => null,
  ): Promise<T> {
    const started = performance.now();
    try {
      const value = await work();
      options.record({
        kind,
        target,
        args,
        exitCode: exitCodeOf(value),
        durationMs: Math.round(performance.now() - started),
        error: null,
      });
      return value;
    } catch (error) {
      const { code } = describeError(error);
      const exitCode =
        error instanceof ProbeError && error.code === 'command-failed'
          ? ((error as ProbeError & { exitCode?: number }).exitCode ?? null)
          : null;
      options.record({
        kind,
        target,
        args,
        exitCode,
        durationMs: Math.round(performance.now() - started),
        error: code,
      });
      throw error;
    }
  }

  const rawNet = createNetworkOps(signal);
  const net: NetworkOps = {
    resolveSystem: (name, o) => recorded('dns', 'system', [name], () => rawNet.resolveSystem(name, o)),
    queryDns: (server, name, o) =>
      recorded('dns', server, [o.type ?? 'A', name], () => rawNet.queryDns(server, name, o)),
    sntp: (server, o) => recorded('ntp', server, [], () => rawNet.sntp(server, o)),
    httpGet: (url, o) =>
      recorded(
        'http',
        url,
        o.proxy ? [`proxy=${o.proxy}`] : [],
        () => rawNet.httpGet(url, o),
        (r) => r.status,
      ),
    tcpConnect: (host, port, o) =>
      recorded('tcp', `${host}:${port}`, [], () => rawNet.tcpConnect(host, port, o)),
    ping: (host, o) => recorded('ping', host, [`count=${o.count}`], () => rawNet.ping(host, o)),
  };

  return {
    platform,
    signal,
    config,
    log,
    net,
    now: () => new Date(),
    env: (name) => process.env[name],

    exec(file, args, execOptions = {}) {
      return recorded(
        'exec',
        file,
        args,
        async () => {
          const started = performance.now();
          const output = await runProgram(file, args, {
            timeoutMs: execOptions.timeoutMs ?? commandTimeoutMs,
            signal,
            maxBytes: execOptions.maxBytes ?? DEFAULT_EXEC_MAX_BYTES,
          });
          const exitCode = output.exitCode ?? -1;
          const ok = execOptions.okExitCodes ?? [0];
          if (!ok.includes(exitCode)) {
            const firstLine = output.stderr.trim().split('\n')[0] ?? '';
            const error = new ProbeError(
              'command-failed',
              `${file} ${args.join(' ')} exited with code ${exitCode}${firstLine ? `: ${firstLine}` : ''}`,
            );
            Object.assign(error, { exitCode });
            throw error;
          }
          return {
            stdout: output.stdout,
            stderr: output.stderr,
            exitCode,
            durationMs: Math.round(performance.now() - started),
          };
        },
        (result) => result.exitCode,
      );
    },

    readFile(path, readOptions = {}) {
      return recorded('read', path, [], async () => {
        try {
          return await readCapped(path, readOptions.maxBytes ?? DEFAULT_READ_MAX_BYTES);
        } catch (error) {
          throw error instanceof ProbeError ? error : fileError(path, error);
        }
      });
    },

    readDir(path) {
      return recorded('read', path, [], async () => {
        try {
          return await readdir(path);
        } catch (error) {
          throw fileError(path, error);
        }
      });
    },

    powershell(scriptPath) {
      const name = basename(scriptPath);
      return recorded(
        'powershell',
        name,
        [],
        async () => {
          if (!powershell)
            throw new ProbeError(
              'powershell-unavailable',
              `${name} needs PowerShell, which only runs on Windows here.`,
            );
          // The budget's end is the script's deadline too: scripts of checks that must finish
          // first are run first when PowerShells are busy.
          const untilBudgetEnds = (options.budgetEndsAt ?? Infinity) - Date.now();
          const timeoutMs = Math.max(1, Math.min(commandTimeoutMs, untilBudgetEnds));
          const output = await powershell.run(scriptPath, { timeoutMs, signal });
          if (output.stderr) log.warn(`${name} reported errors`, { stderr: output.stderr.slice(0, 500) });
          return output.json;
        },
        () => 0,
      );
    },

    systemInformation<K extends SystemInformationFunction>(fn: K): Promise<SystemInformationResult<K>> {
      return recorded('systeminformation', fn, [], async (): Promise<SystemInformationResult<K>> => {
        if (platform === 'win32') {
          // systeminformation starts its own PowerShell processes on Windows; we keep to one session.
          throw new ProbeError(
            'internal',
            `systeminformation.${fn} is not used on Windows; use a .ps1 script.`,
          );
        }
        const call = si[fn] as () => Promise<unknown>;
        return (await call()) as SystemInformationResult<K>;
      });
    },
  };
}
