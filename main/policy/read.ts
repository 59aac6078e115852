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
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { runProgram } from '../../probes/system/exec';
import { windowsSystemProgram } from '../../probes/system/windows-paths';
import type { RawPolicy } from './apply';

export const POLICY_KEY = 'SOFTWARE\\Policies\\Triage';
export const MACOS_DOMAIN = 'com.triage.agent';
export const LINUX_POLICY_FILE = '/etc/triage/policy.json';

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
  readFile: (path) => readFile(path),
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

async function readWindows(io: PolicyIO, warnings: string[]): Promise<PolicySource[]> {
  const sources: PolicySource[] = [];
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
      const { values, unreadable } = parseRegExport(decodeRegFile(await io.readFile(file)));
      for (const name of unreadable)
        warnings.push(
          `${hive}\\${POLICY_KEY}\\${name} has a registry type Triage does not read; it was ignored.`,
        );
      sources.push({ source: `${hive}\\${POLICY_KEY}`, values });
    }
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
  return sources;
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
      const values = JSON.parse(result.stdout) as unknown;
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
): Promise<PolicySource[]> {
  let content: Buffer;
  try {
    content = await io.readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      warnings.push(
        `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); no policy applies.`,
      );
    return [];
  }
  try {
    const values = JSON.parse(content.toString('utf8')) as unknown;
    if (values && typeof values === 'object' && !Array.isArray(values))
      return [{ source: path, values: values as RawPolicy }];
    warnings.push(`${path} must hold a JSON object of settings; it was ignored.`);
  } catch (error) {
    warnings.push(`${path} is not valid JSON (${(error as Error).message}); it was ignored.`);
  }
  return [];
}

/** Every policy source of this OS, machine-wide first. */
export async function readPolicySources(
  platform: NodeJS.Platform,
  io: PolicyIO = systemPolicyIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ sources: PolicySource[]; warnings: string[] }> {
  const warnings: string[] = [];
  try {
    if (env.TRIAGE_POLICY_FILE)
      return { sources: await readLinux(io, warnings, env.TRIAGE_POLICY_FILE), warnings };
    switch (platform) {
      case 'win32':
        return { sources: await readWindows(io, warnings), warnings };
      case 'darwin':
        return { sources: await readMacos(io, warnings, os.userInfo().username), warnings };
      default:
        return { sources: await readLinux(io, warnings), warnings };
    }
  } catch (error) {
    warnings.push(`Managed policy could not be read (${(error as Error).message}); defaults apply.`);
    return { sources: [], warnings };
  }
}
