/**
 * Runs a program with an argument array, under a timeout and an abort signal, and kills its whole
 * process tree when either fires.
 *
 * Never a shell: the arguments reach the program as they are, so nothing in them can be taken as
 * shell syntax (systeminformation's command-injection CVEs are the warning).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { ProbeError } from '../errors';
import { windowsSystemProgram } from './windows-paths';

export interface RunProgramOptions {
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  readonly maxBytes: number;
  /** Extra environment; the locale is always forced to C so output parses the same everywhere. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface ProgramOutput {
  readonly stdout: string;
  readonly stderr: string;
  /** Null when the program did not exit by itself (killed). */
  readonly exitCode: number | null;
}

const STDERR_CAP = 64 * 1024;

/** Kills a child and everything it started. On POSIX the child leads its own process group. */
export function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  if (process.platform === 'win32') {
    // taskkill /T walks the tree that Windows records; child.kill() would leave grandchildren running.
    const killer = spawn(windowsSystemProgram('taskkill.exe'), ['/PID', String(child.pid), '/T', '/F'], {
      windowsHide: true,
      stdio: 'ignore',
    });
    killer.on('error', () => child.kill('SIGKILL'));
    return;
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Not a group leader (a library spawned it, e.g. node-powershell): kill what it started first,
    // as far as Linux's /proc tells (a launcher such as dotnet's tool shim runs PowerShell as its child).
    for (const pid of descendants(child.pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
    child.kill('SIGKILL');
  }
}

/** Every process below `pid`, deepest last, from /proc on Linux; none elsewhere. */
function descendants(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0 && found.length < 10_000) {
    const parent = queue.shift() ?? pid;
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${parent}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      let children: string;
      try {
        children = readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const id of children.split(' ').filter(Boolean).map(Number)) {
        found.push(id);
        queue.push(id);
      }
    }
  }
  return found;
}

export function runProgram(
  file: string,
  args: readonly string[],
  options: RunProgramOptions,
): Promise<ProgramOutput> {
  if (options.signal.aborted)
    return Promise.reject(new ProbeError('cancelled', `${file} was not started: the probe was stopped.`));
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], {
      shell: false,
      windowsHide: true,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env, LC_ALL: 'C', LANG: 'C', LANGUAGE: 'C' },
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let failure: ProbeError | null = null;
    let settled = false;

    const stop = (error: ProbeError): void => {
      if (failure) return;
      failure = error;
      killTree(child);
      // A process stuck in the kernel (a hung network mount) may never close its pipes even when
      // killed; the caller gets its answer after a short grace period regardless.
      setTimeout(() => finish(() => reject(error)), 1_000).unref();
    };
    const timer = setTimeout(
      () =>
        stop(
          new ProbeError('timeout', `${file} did not finish within ${options.timeoutMs} ms and was stopped.`),
        ),
      options.timeoutMs,
    );
    const onAbort = (): void => {
      const reason: unknown = options.signal.reason;
      stop(
        reason instanceof ProbeError
          ? reason
          : new ProbeError('cancelled', `${file} was stopped because the probe was stopped.`),
      );
    };
    options.signal.addEventListener('abort', onAbort, { once: true });

    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      outcome();
    };

    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > options.maxBytes) {
        stop(
          new ProbeError(
            'output-too-large',
            `${file} printed more than ${options.maxBytes} bytes; its output was not read.`,
          ),
        );
        return;
      }
      stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderrBytes < STDERR_CAP) stderr.push(chunk);
      stderrBytes += chunk.length;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(() => {
        if (error.code === 'ENOENT') {
          reject(
            new ProbeError('command-not-found', `${file} is not installed or not on the PATH.`, {
              cause: error,
            }),
          );
        } else if (error.code === 'EACCES' || error.code === 'EPERM') {
          reject(
            new ProbeError('permission-denied', `${file} could not be started: permission denied.`, {
              cause: error,
            }),
          );
        } else {
          reject(
            new ProbeError('command-failed', `${file} could not be started: ${error.message}`, {
              cause: error,
            }),
          );
        }
      });
    });
    child.on('close', (code) => {
      finish(() => {
        if (failure) {
          reject(failure);
          return;
        }
        resolve({
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
          exitCode: code,
        });
      });
    });
  });
}
