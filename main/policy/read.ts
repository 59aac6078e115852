/**
 * Reads managed policy where each OS keeps it:
 * - Windows: HKLM then HKCU \SOFTWARE\Policies\Triage (Group Policy, Intune ADMX ingestion or the
 *   settings catalog write there). Read with `reg export`, whose .reg file is UTF-16: unlike
 *   `reg query`, which prints in the console's code page, it keeps every character intact.
 * - macOS: the managed preferences of the com.triage.agent domain (configuration profiles), machine
 *   then user, converted to JSON by plutil.
 * - Linux: /etc/triage/policy.json.
 * Earlier sources win, setting by setting. Nothing here throws: an unreadable source is a warning.
 */
import { constants as fsConstants, type Stats } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { runProgram } from '../../probes/system/exec';
import { windowsSystemProgram } from '../../probes/system/windows-paths';
import type { RawPolicy } from './apply';

export const POLICY_KEY = 'SOFTWARE\\Policies\\Triage';
export const MACOS_DOMAIN = 'com.triage.agent';
export const LINUX_POLICY_FILE = '/etc/triage/policy.json';

/** A policy file is a few kilobytes; anything larger is refused rather than read into memory. */
export const MAX_POLICY_FILE_BYTES = 1024 * 1024;
/** A policy file on a stalled network share must not hang every command. */
export const POLICY_READ_TIMEOUT_MS = 5_000;

/** A file that exists but is refused: not a regular file, too large, or too slow to read. */
export class PolicyFileError extends Error {
  override readonly name = 'PolicyFileError';
  constructor(
    readonly code: 'ENOTREG' | 'ETOOBIG' | 'ETIMEDOUT',
    message: string,
  ) {
    super(message);
  }
}

function describeType(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  return 'not a file';
}

/**
 * Reads a policy file safely: only a regular file (a symlink is followed, then the opened handle is
 * checked, so a link to /dev/zero or a FIFO is refused), at most MAX_POLICY_FILE_BYTES, within
 * POLICY_READ_TIMEOUT_MS. O_NONBLOCK makes opening a FIFO return at once instead of waiting for a
 * writer. Throws PolicyFileError for a refused file, the usual errno errors otherwise.
 */
export async function readPolicyFile(
  path: string,
  limits: { maxBytes?: number; timeoutMs?: number } = {},
): Promise<Buffer> {
  const maxBytes = limits.maxBytes ?? MAX_POLICY_FILE_BYTES;
  const timeoutMs = limits.timeoutMs ?? POLICY_READ_TIMEOUT_MS;
  // Windows has neither flag (and no FIFOs a path can name).
  const optional: Partial<typeof fsConstants> = fsConstants;
  const flags = fsConstants.O_RDONLY | (optional.O_NONBLOCK ?? 0) | (optional.O_NOCTTY ?? 0);
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const read = async (): Promise<Buffer> => {
    const handle = await open(path, flags);
    try {
      const stats = await handle.stat();
      if (!stats.isFile())
        throw new PolicyFileError('ENOTREG', `is not a regular file (it is ${describeType(stats)})`);
      if (stats.size > maxBytes)
        throw new PolicyFileError('ETOOBIG', `is larger than ${formatBytes(maxBytes)}`);
      // The size can change between fstat and read: read at most one byte more than allowed.
      const buffer = Buffer.alloc(maxBytes + 1);
      let length = 0;
      while (length < buffer.length && !timedOut) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > maxBytes) throw new PolicyFileError('ETOOBIG', `is larger than ${formatBytes(maxBytes)}`);
      return buffer.subarray(0, length);
    } finally {
      await handle.close().catch(() => undefined);
    }
  };
  const reading = read();
  try {
    return await Promise.race([
      reading,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          reject(new PolicyFileError('ETIMEDOUT', `could not be read within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        timer.unref();
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
    // A read that loses the race still settles (and closes its handle) later; its result is dropped.
    reading.catch(() => undefined);
  }
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
}

/** JSON text as written by editors: a UTF-8 byte order mark (Notepad's "UTF-8 with BOM") is not JSON. */
export function parsePolicyJson(text: string): unknown {
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

export interface PolicySource {
  readonly source: string;
  readonly values: RawPolicy;
}

export interface PolicyIO {
  exec(file: string, args: readonly string[]): Promise<{ stdout: string; exitCode: number }>;
  readFile(path: string): Promise<Buffer>;
  tempDir(): Promise<string>;
}

/** The real machine. */
export const systemPolicyIO: PolicyIO = {
  async exec(file, args) {
    const result = await runProgram(file, args, {
      timeoutMs: 10_000,
      signal: new AbortController().signal,
      maxBytes: 4 * 1024 * 1024,
    });
    return { stdout: result.stdout, exitCode: result.exitCode ?? -1 };
  },
  readFile: (path) => readPolicyFile(path),
  tempDir: () => mkdtemp(join(os.tmpdir(), 'triage-policy-')),
};

function unescapeRegString(value: string): string {
  return value.replace(/\\(["\\])/g, '$1');
}

function hexBytes(list: string): Buffer {
  return Buffer.from(
    list
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean)
      .map((b) => Number.parseInt(b, 16)),
  );
}

/**
 * Parses a `reg export` file (already decoded to text): the values of the exported key only.
 * Pure, for tests.
 */
export function parseRegExport(text: string): { values: Record<string, unknown>; unreadable: string[] } {
  const values: Record<string, unknown> = {};
  const unreadable: string[] = [];
  // Long hex values continue on the next line after a trailing backslash.
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\\\r?\n\s*/g, '')
    .split(/\r?\n/);
  let keyDepth = -1;
  let inRoot = false;
  for (const line of lines) {
    const section = /^\[(.+)\]$/.exec(line.trim());
    if (section?.[1]) {
      const depth = section[1].split('\\').length;
      if (keyDepth < 0) keyDepth = depth;
      inRoot = depth === keyDepth;
      continue;
    }
    if (!inRoot) continue;
    const entry = /^"((?:[^"\\]|\\.)*)"=(.*)$/.exec(line);
    if (!entry?.[1] || entry[2] === undefined) continue;
    const name = unescapeRegString(entry[1]);
    const raw = entry[2];
    let match: RegExpExecArray | null;
    if ((match = /^"((?:[^"\\]|\\.)*)"$/.exec(raw))) values[name] = unescapeRegString(match[1] ?? '');
    else if ((match = /^dword:([0-9a-fA-F]{8})$/.exec(raw)))
      values[name] = Number.parseInt(match[1] ?? '0', 16);
    else if ((match = /^hex\(7\):(.*)$/.exec(raw)))
      values[name] = hexBytes(match[1] ?? '')
        .toString('utf16le')
        .split('\0')
        .filter(Boolean);
    else if ((match = /^hex\(2\):(.*)$/.exec(raw)))
      values[name] = hexBytes(match[1] ?? '')
        .toString('utf16le')
        .replace(/\0+$/, '');
    else if ((match = /^hex\(b\):(.*)$/.exec(raw)))
      values[name] = Number(hexBytes(match[1] ?? '').readBigUInt64LE(0));
    else unreadable.push(name);
  }
  return { values, unreadable };
}

/** .reg files are UTF-16 LE with a BOM; older tools wrote ANSI "REGEDIT4" files. */
export function decodeRegFile(content: Buffer): string {
  if (content[0] === 0xff && content[1] === 0xfe) return content.subarray(2).toString('utf16le');
  return content.toString('utf8');
}

async function readWindows(
  io: PolicyIO,
  warnings: string[],
): Promise<{ sources: PolicySource[]; present: boolean }> {
  const sources: PolicySource[] = [];
  let present = false;
  const dir = await io.tempDir();
  try {
    for (const hive of ['HKLM', 'HKCU']) {
      const file = join(dir, `${hive}.reg`);
      const result = await io.exec(windowsSystemProgram('reg.exe'), [
        'export',
        `${hive}\\${POLICY_KEY}`,
        file,
        '/y',
      ]);
      // Exit code 1: the key does not exist, i.e. no policy at this level.
      if (result.exitCode !== 0) continue;
      present = true;
      let content: Buffer;
      try {
        content = await io.readFile(file);
      } catch (error) {
        if (!(error instanceof PolicyFileError)) throw error;
        warnings.push(`${hive}\\${POLICY_KEY}: its export ${error.message}; it was ignored.`);
        continue;
      }
      const { values, unreadable } = parseRegExport(decodeRegFile(content));
      for (const name of unreadable)
        warnings.push(
          `${hive}\\${POLICY_KEY}\\${name} has a registry type Triage does not read; it was ignored.`,
        );
      sources.push({ source: `${hive}\\${POLICY_KEY}`, values });
    }
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
  return { sources, present };
}

async function readMacos(io: PolicyIO, warnings: string[], user: string): Promise<PolicySource[]> {
  const sources: PolicySource[] = [];
  for (const path of [
    `/Library/Managed Preferences/${MACOS_DOMAIN}.plist`,
    `/Library/Managed Preferences/${user}/${MACOS_DOMAIN}.plist`,
  ]) {
    const result = await io.exec('/usr/bin/plutil', ['-convert', 'json', '-o', '-', path]);
    if (result.exitCode !== 0) continue; // no profile delivers this domain at this level
    try {
      const values = parsePolicyJson(result.stdout);
      if (values && typeof values === 'object' && !Array.isArray(values))
        sources.push({ source: path, values: values as RawPolicy });
      else warnings.push(`${path} does not hold a dictionary of settings; it was ignored.`);
    } catch (error) {
      warnings.push(`${path} could not be read (${(error as Error).message}); it was ignored.`);
    }
  }
  return sources;
}

async function readLinux(
  io: PolicyIO,
  warnings: string[],
  path = LINUX_POLICY_FILE,
): Promise<{ sources: PolicySource[]; present: boolean }> {
  let content: Buffer;
  try {
    content = await io.readFile(path);
  } catch (error) {
    if (error instanceof PolicyFileError) {
      warnings.push(`${path} ${error.message}; it was ignored and the defaults apply.`);
      return { sources: [], present: true };
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { sources: [], present: false };
    warnings.push(`${path} cannot be read (${code ?? (error as Error).message}); no policy applies.`);
    return { sources: [], present: true };
  }
  try {
    const values = parsePolicyJson(content.toString('utf8'));
    if (values && typeof values === 'object' && !Array.isArray(values))
      return { sources: [{ source: path, values: values as RawPolicy }], present: true };
    warnings.push(`${path} must hold a JSON object of settings; it was ignored.`);
  } catch (error) {
    warnings.push(`${path} is not valid JSON (${(error as Error).message}); it was ignored.`);
  }
  return { sources: [], present: true };
}

/** This OS's machine policy, and whether there is any (even an unreadable one). */
async function readMachinePolicy(
  platform: NodeJS.Platform,
  io: PolicyIO,
  warnings: string[],
): Promise<{ sources: PolicySource[]; present: boolean }> {
  switch (platform) {
    case 'win32':
      return readWindows(io, warnings);
    case 'darwin': {
      const before = warnings.length;
      const sources = await readMacos(io, warnings, os.userInfo().username);
      return { sources, present: sources.length > 0 || warnings.length > before };
    }
    default:
      return readLinux(io, warnings);
  }
}

/**
 * Environment variables that would move Triage away from what IT configured. They are for tests,
 * development and portable use, so they work only on a computer without managed policy (here for
 * TRIAGE_POLICY_FILE; in paths.ts and log-file.ts for the folders).
 */
export const ENVIRONMENT_OVERRIDES = ['TRIAGE_POLICY_FILE', 'TRIAGE_STATE_DIR', 'TRIAGE_LOG_DIR'] as const;

export function ignoredOverrideWarning(name: string): string {
  return `${name} is ignored because this computer has managed policy; it is only for computers without one (tests, development).`;
}

/**
 * Every policy source of this OS, machine-wide first. `TRIAGE_POLICY_FILE` replaces them only when
 * this computer has no managed policy at all: an unprivileged user must not be able to escape it.
 */
export async function readPolicySources(
  platform: NodeJS.Platform,
  io: PolicyIO = systemPolicyIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ sources: PolicySource[]; warnings: string[]; managed: boolean }> {
  const warnings: string[] = [];
  try {
    const machine = await readMachinePolicy(platform, io, warnings);
    if (!machine.present)
      return env.TRIAGE_POLICY_FILE
        ? {
            sources: (await readLinux(io, warnings, env.TRIAGE_POLICY_FILE)).sources,
            warnings,
            managed: false,
          }
        : { sources: [], warnings, managed: false };
    if (env.TRIAGE_POLICY_FILE) warnings.push(ignoredOverrideWarning('TRIAGE_POLICY_FILE'));
    return { sources: machine.sources, warnings, managed: true };
  } catch (error) {
    warnings.push(`Managed policy could not be read (${(error as Error).message}); defaults apply.`);
    // Something is there that could not be read: fail closed, as if policy were present.
    return { sources: [], warnings, managed: true };
  }
}
