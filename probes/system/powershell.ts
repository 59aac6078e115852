/**
 * Runs Triage's Windows collection scripts, which ship as files and run by path, so an organisation
 * can sign them and allow them in its App Control (WDAC) or AppLocker policy.
 *
 * The host first asks PowerShell which language mode it gives code that arrives as text, then picks
 * the transport that works in it:
 * - FullLanguage: a few node-powershell sessions side by side (starting PowerShell costs 0.3–0.8 s
 *   and a lot of memory, so sessions are reused). node-powershell's own protocol calls .NET methods,
 *   which only FullLanguage allows.
 * - ConstrainedLanguage (App Control, AppLocker script enforcement), or an answer we cannot read: a
 *   few `powershell.exe -File script-worker.ps1` processes side by side, each reading script paths on
 *   its input and running them one after another (a PowerShell start per script would cost more than
 *   the scripts). Signed scripts that the policy allows run in FullLanguage there; the others in
 *   ConstrainedLanguage, where every script still works or names the part that needs FullLanguage.
 *   Should a worker never answer its first script (input not read as it arrives), the rest of the run
 *   starts one `-File` process per script instead.
 * Either way each script runs through run-script.ps1, which prints one line of JSON (the script's
 * output and its errors) with non-ASCII characters escaped, so it survives the console's code page. A script that overruns its time is stopped with its process tree
 * (its session is replaced), so a hung WMI query costs its own time, never the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { basename, join } from 'node:path';
import { PowerShell } from 'node-powershell';
import { ProbeError } from '../errors';
import { killTree, runProgram } from './exec';
import { windowsPowerShell } from './windows-paths';

export type LanguageMode = 'FullLanguage' | 'ConstrainedLanguage' | 'RestrictedLanguage' | 'NoLanguage';
export type PowerShellTransport = 'session' | 'process';

export interface PowerShellOutput {
  readonly json: unknown;
  /** What the script wrote to the error stream (non-terminating errors), trimmed. */
  readonly stderr: string;
  readonly durationMs: number;
}

/** What the run learnt about PowerShell on this machine; recorded in the bundle's manifest. */
export interface PowerShellInfo {
  readonly executable: string;
  /** The language mode PowerShell gives code that is not a trusted script; null if it never said. */
  readonly languageMode: LanguageMode | null;
  readonly transport: PowerShellTransport;
}

export interface PowerShellHost {
  run(scriptPath: string, options: { timeoutMs: number; signal: AbortSignal }): Promise<PowerShellOutput>;
  /** Resolves once the language mode is known (at the first script at the latest). */
  info(): Promise<PowerShellInfo>;
  dispose(): Promise<void>;
}

export interface PowerShellHostOptions {
  /** Windows PowerShell 5.1 by absolute path unless a test names another (never from the environment). */
  readonly executable?: string;
  /** Force a transport (tests); by default it follows the language mode. */
  readonly transport?: PowerShellTransport;
  /** node-powershell sessions that run side by side in FullLanguage. */
  readonly sessions?: number;
  /** `-File` processes that run side by side otherwise. */
  readonly processes?: number;
}

/**
 * Where PowerShell can open a script: in the packaged app, code reads app.asar transparently but
 * PowerShell cannot, so the scripts are unpacked beside it (electron-builder's asarUnpack).
 */
export function onDisk(scriptPath: string): string {
  return scriptPath.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/** The runner every script goes through, and the worker that runs many (see the file's header). */
export const RUN_SCRIPT = onDisk(join(__dirname, 'run-script.ps1'));
const WORKER_SCRIPT = onDisk(join(__dirname, 'script-worker.ps1'));

const LANGUAGE_MODES: readonly LanguageMode[] = [
  'FullLanguage',
  'ConstrainedLanguage',
  'RestrictedLanguage',
  'NoLanguage',
];

// -ExecutionPolicy Bypass only sets the process scope: a policy set by Group Policy or Intune still
// wins, and then our signed scripts are what it allows.
const COMMON_ARGS = ['-NoProfile', '-NonInteractive', '-NoLogo', '-ExecutionPolicy', 'Bypass'];
// Starting PowerShell on a busy, freshly booted machine can take seconds.
const DETECT_TIMEOUT_MS = 10_000;
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/** PowerShell 7 writes terminal mode switches (ESC [ ? 1 h) and colours even into a pipe. */
function withoutTerminalCodes(text: string): string {
  // eslint-disable-next-line no-control-regex -- ESC is exactly what is removed
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

/** Reads a script's printed JSON; tolerates a stray line before it (some cmdlets print banners). */
export function parseScriptOutput(scriptName: string, stdout: string): unknown {
  const text = withoutTerminalCodes(stdout).trim();
  if (text === '') throw new ProbeError('parse-error', `${scriptName} printed nothing.`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const lastLine = text.split(/\r?\n/).pop() ?? '';
    try {
      return JSON.parse(lastLine) as unknown;
    } catch {
      throw new ProbeError('parse-error', `${scriptName} did not print JSON: ${text.slice(0, 200)}`);
    }
  }
}

/**
 * Reads run-script.ps1's line: the script's JSON, and what it reported on its error stream. A script
 * that printed nothing but errors fails with those errors, so the reason reaches the bundle.
 */
export function parseRunnerOutput(scriptName: string, stdout: string): { json: unknown; stderr: string } {
  const line = withoutTerminalCodes(stdout).trim().split(/\r?\n/).pop() ?? '';
  let envelope: { output?: unknown; errors?: unknown };
  try {
    envelope = JSON.parse(line) as { output?: unknown; errors?: unknown };
  } catch {
    throw new ProbeError(
      'parse-error',
      `${scriptName} did not answer through run-script.ps1: ${line.slice(0, 200)}`,
    );
  }
  const errors = Array.isArray(envelope.errors) ? envelope.errors.map(String) : [];
  const output = typeof envelope.output === 'string' ? envelope.output : '';
  if (output.trim() === '' && errors.length > 0)
    throw new ProbeError(
      'command-failed',
      `${scriptName} printed nothing; it reported: ${errors.join(' ').slice(0, 500)}`,
    );
  return { json: parseScriptOutput(scriptName, output), stderr: errors.join('\n') };
}

/** A PowerShell single-quoted string: only quote characters are special in it (PowerShell takes ‘’‚‛ as quotes too). */
export function quotePowerShell(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/** The language mode PowerShell prints for code given on its command line, or null. */
export function parseLanguageMode(stdout: string): LanguageMode | null {
  const last = stdout.trim().split(/\r?\n/).pop()?.trim() ?? '';
  return LANGUAGE_MODES.find((mode) => mode === last) ?? null;
}

/** PowerShell could not be started: missing (a ProbeError from runProgram, or spawn's ENOENT) or refused. */
function unavailable(executable: string, error: unknown): ProbeError {
  const missing =
    (error instanceof ProbeError && error.code === 'command-not-found') ||
    (error as NodeJS.ErrnoException).code === 'ENOENT';
  if (missing)
    return new ProbeError(
      'powershell-unavailable',
      `${executable} was not found, so the Windows checks could not run. Windows PowerShell 5.1 ships with Windows; check that it has not been removed or blocked.`,
    );
  return new ProbeError(
    'powershell-unavailable',
    `${executable} could not start, so the Windows checks could not run: ${(error as Error).message}`,
  );
}

/**
 * At most `limit` tasks at once; a task waiting for its turn goes before those whose deadline is
 * later (the checks with short budgets must not queue behind slow ones that have time).
 */
function limiter(limit: number): <T>(deadlineAt: number, task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: { deadlineAt: number; start: () => void }[] = [];
  return async <T>(deadlineAt: number, task: () => Promise<T>): Promise<T> => {
    if (running >= limit)
      await new Promise<void>((start) => {
        const at = waiting.findIndex((w) => w.deadlineAt > deadlineAt);
        waiting.splice(at < 0 ? waiting.length : at, 0, { deadlineAt, start });
      });
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.start();
    }
  };
}

/** Stops waiting for a script at its time limit or when its probe is stopped. */
function deadline(name: string, options: { timeoutMs: number; signal: AbortSignal }) {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  let over = false;
  const deadlineAt = Date.now() + options.timeoutMs;
  const stopped = new Promise<never>((_, reject) => {
    const stop = (error: ProbeError): void => {
      over = true;
      reject(error);
    };
    timer = setTimeout(
      () => stop(new ProbeError('timeout', `${name} did not finish within ${options.timeoutMs} ms.`)),
      options.timeoutMs,
    );
    onAbort = () => stop(new ProbeError('cancelled', `${name} was stopped because the probe was stopped.`));
    options.signal.addEventListener('abort', onAbort, { once: true });
  });
  // Nobody may be listening when it fires after the script finished.
  stopped.catch(() => undefined);
  return {
    stopped,
    deadlineAt,
    isOver: () => over,
    clear: () => {
      clearTimeout(timer);
      if (onAbort) options.signal.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * node-powershell, starting exactly the executable it is given: its own choice would follow
 * NODE_POWERSHELL from the environment, which anyone who starts Triage can set.
 */
class ChosenPowerShell extends PowerShell {
  protected override setExecutable({ executable }: { executable?: string }): string {
    if (!executable) throw new ProbeError('internal', 'No PowerShell executable was chosen.');
    return executable;
  }
}

/** One node-powershell session, replaced when a script it runs is given up on. */
function sessionSlot(executable: string) {
  let shell: ChosenPowerShell | null = null;
  // node-powershell keeps its child private; we need it to kill the whole tree on timeout.
  const processOf = (ps: PowerShell): ChildProcess => (ps as unknown as { process: ChildProcess }).process;

  let starting: Promise<ChosenPowerShell> | null = null;
  const start = (): Promise<ChosenPowerShell> => {
    // One start at a time: a warm-up and the first script must not start two sessions.
    starting ??= startSession().finally(() => {
      starting = null;
    });
    return starting;
  };
  const startSession = async (): Promise<ChosenPowerShell> => {
    if (shell) return shell;
    const ps = new ChosenPowerShell({
      executable,
      executableOptions: {
        '-NoProfile': true,
        '-NonInteractive': true,
        '-NoLogo': true,
        '-ExecutionPolicy': 'Bypass',
      },
      // child-shell always spawns it attached; killTree finds what it started (taskkill /T on Windows).
      spawnOptions: { windowsHide: true },
      throwOnInvocationError: false,
    });
    // child-shell keeps a promise that rejects when the process dies and never handles it; an
    // unhandled rejection would end Triage on a machine where PowerShell is missing or killed.
    (ps as unknown as { exitPromise: Promise<unknown> }).exitPromise.catch(() => undefined);
    const child = processOf(ps);
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (error) => reject(unavailable(executable, error)));
    });
    await ps.invoke(
      "$ProgressPreference = 'SilentlyContinue'; $ErrorActionPreference = 'Continue'; [Console]::OutputEncoding = [Text.Encoding]::UTF8",
    );
    shell = ps;
    return ps;
  };

  return {
    /** Starts the session ahead of its first script (a failure there is that script's to report). */
    warm(): void {
      start().catch(() => undefined);
    },
    async run(scriptPath: string, stopped: Promise<never>): Promise<{ stdout: string; stderr: string }> {
      const ps = await Promise.race([start(), stopped]);
      const result = await Promise.race([
        ps.invoke(`& ${quotePowerShell(RUN_SCRIPT)} -Script ${quotePowerShell(onDisk(scriptPath))}`),
        stopped,
      ]);
      return { stdout: result.stdout?.toString('utf8') ?? '', stderr: result.stderr?.toString('utf8') ?? '' };
    },
    /** The session cannot be reused: a script we gave up on may still be running in it. */
    discard(): void {
      if (shell) killTree(processOf(shell));
      shell = null;
    },
    async dispose(): Promise<void> {
      if (!shell) return;
      const ps = shell;
      shell = null;
      await ps.dispose().catch(() => killTree(processOf(ps)));
    },
  };
}

/** One worker process (script-worker.ps1), replaced when a script it runs is given up on. */
function workerSlot(executable: string) {
  let child: ChildProcess | null = null;
  let stdout = '';
  let stderr = '';
  let pending: { resolve: (line: string) => void; reject: (error: ProbeError) => void } | null = null;
  let answered = 0;

  const start = (): ChildProcess => {
    if (child) return child;
    const worker = spawn(executable, [...COMMON_ARGS, '-File', WORKER_SCRIPT], {
      windowsHide: true,
      // Its own process group off Windows, so killTree stops all it started (taskkill /T on Windows).
      detached: process.platform !== 'win32',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    worker.stdout.setEncoding('utf8');
    worker.stderr.setEncoding('utf8');
    worker.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const end = stdout.indexOf('\n');
      if (end >= 0 && pending) {
        const line = stdout.slice(0, end);
        stdout = stdout.slice(end + 1);
        answered += 1;
        const { resolve } = pending;
        pending = null;
        resolve(line);
      } else if (stdout.length > MAX_OUTPUT_BYTES) {
        pending?.reject(
          new ProbeError('output-too-large', `A script printed more than ${MAX_OUTPUT_BYTES} bytes.`),
        );
        pending = null;
      }
    });
    worker.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4096);
    });
    // A worker that is killed or ends while a script waits fails that script with what it said.
    worker.stdin.on('error', () => undefined);
    worker.on('error', (error) => {
      // A worker that could not start never exits: forget it, so the next script starts another.
      if (child === worker) child = null;
      pending?.reject(unavailable(executable, error));
      pending = null;
    });
    worker.on('exit', (code) => {
      if (child === worker) child = null;
      pending?.reject(
        new ProbeError(
          'command-failed',
          `PowerShell ended (exit code ${code}) before the script finished: ${withoutTerminalCodes(stderr).trim().slice(0, 500)}`,
        ),
      );
      pending = null;
    });
    child = worker;
    return worker;
  };

  return {
    /** Whether this worker ever answered: one that never did may not read its input as it arrives. */
    proven: () => answered > 0,
    warm(): void {
      start();
    },
    async run(scriptPath: string, stopped: Promise<never>): Promise<{ stdout: string; stderr: string }> {
      const worker = start();
      const line = new Promise<string>((resolve, reject) => {
        pending = { resolve, reject };
      });
      worker.stdin?.write(`${onDisk(scriptPath)}\n`);
      return { stdout: await Promise.race([line, stopped]), stderr: '' };
    },
    discard(): void {
      if (child) killTree(child);
      child = null;
      stdout = '';
      pending = null;
    },
    async dispose(): Promise<void> {
      const worker = child;
      child = null;
      if (!worker) return;
      worker.stdin?.end();
      // It ends when its input closes; one that does not is stopped.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          killTree(worker);
          resolve();
        }, 2_000);
        worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

export function createPowerShellHost(options: PowerShellHostOptions = {}): PowerShellHost {
  const executable = options.executable ?? windowsPowerShell();
  const detection = new AbortController();

  const detect = async (): Promise<PowerShellInfo> => {
    if (options.transport)
      return {
        executable,
        languageMode: options.transport === 'session' ? 'FullLanguage' : null,
        transport: options.transport,
      };
    const output = await runProgram(
      executable,
      [...COMMON_ARGS, '-Command', '$ExecutionContext.SessionState.LanguageMode'],
      { timeoutMs: DETECT_TIMEOUT_MS, signal: detection.signal, maxBytes: 64 * 1024 },
    ).catch((error: unknown) => {
      if (error instanceof ProbeError && (error.code === 'timeout' || error.code === 'cancelled'))
        return null;
      throw unavailable(executable, error);
    });
    const languageMode = output ? parseLanguageMode(output.stdout) : null;
    return { executable, languageMode, transport: languageMode === 'FullLanguage' ? 'session' : 'process' };
  };
  const detected = detect();
  // Observed by every run; this keeps a failed detection from being an unhandled rejection first.
  detected.catch(() => undefined);

  type Slot = ReturnType<typeof sessionSlot> & { proven?: () => boolean };
  /** Runs a script on the next free slot of a pool: a session or a worker. */
  const pool = (slots: Slot[]) => {
    const free = [...slots];
    const inTurn = limiter(slots.length);
    return {
      slots,
      run: (scriptPath: string, stop: ReturnType<typeof deadline>) =>
        inTurn(stop.deadlineAt, async () => {
          // Given up on while it waited: do not start it (nor spend a slot on it).
          if (stop.isOver()) return stop.stopped;
          const slot = free.pop();
          if (!slot) throw new ProbeError('internal', 'No PowerShell was free.');
          try {
            return await slot.run(scriptPath, stop.stopped);
          } catch (error) {
            if (error instanceof ProbeError && (error.code === 'timeout' || error.code === 'cancelled')) {
              if (slot.proven?.() === false) workersUnproven = true;
              slot.discard();
            }
            throw error;
          } finally {
            free.push(slot);
          }
        }),
    };
  };
  let workersUnproven = false;
  // PowerShells start while the first scripts are still being asked for, not one by one after.
  detected.then(
    ({ transport }) => {
      for (const slot of (transport === 'session' ? sessions : workers).slots) slot.warm();
    },
    () => undefined,
  );
  const sessions = pool(
    Array.from({ length: Math.max(1, options.sessions ?? 4) }, () => sessionSlot(executable)),
  );
  const workers = pool(
    Array.from({ length: Math.max(1, options.processes ?? 4) }, () => workerSlot(executable)),
  );
  const inProcess = limiter(Math.max(1, options.processes ?? 4));

  const runAsProcess = (scriptPath: string, timeoutMs: number, signal: AbortSignal) =>
    inProcess(Date.now() + timeoutMs, async () => {
      const output = await runProgram(
        executable,
        [...COMMON_ARGS, '-File', RUN_SCRIPT, '-Script', onDisk(scriptPath)],
        {
          timeoutMs,
          signal,
          maxBytes: MAX_OUTPUT_BYTES,
        },
      ).catch((error: unknown) => {
        throw error instanceof ProbeError && error.code === 'command-not-found'
          ? unavailable(executable, error)
          : error;
      });
      if (output.exitCode !== 0 && output.stdout.trim() === '')
        throw new ProbeError(
          'command-failed',
          `${basename(scriptPath)} ended with exit code ${output.exitCode}: ${output.stderr.trim().slice(0, 500)}`,
        );
      return output;
    });

  return {
    async run(scriptPath, runOptions) {
      const name = basename(scriptPath);
      if (runOptions.signal.aborted)
        throw new ProbeError('cancelled', `${name} was not run: the probe was stopped.`);
      const started = Date.now();
      const stop = deadline(name, runOptions);
      const { stopped } = stop;
      try {
        const { transport } = await Promise.race([detected, stopped]);
        // The time a script waits for a free session or process counts against it, as the probe's
        // budget does; the limits are set so that the scripts of one run never wait long.
        const remainingMs = Math.max(1, runOptions.timeoutMs - (Date.now() - started));
        const output =
          transport === 'session'
            ? await Promise.race([sessions.run(scriptPath, stop), stopped])
            : workersUnproven
              ? await Promise.race([runAsProcess(scriptPath, remainingMs, runOptions.signal), stopped])
              : await Promise.race([workers.run(scriptPath, stop), stopped]);
        const { json, stderr } = parseRunnerOutput(name, output.stdout);
        return {
          json,
          // Errors the worker or PowerShell itself wrote outside the runner's line, too.
          stderr: [stderr, withoutTerminalCodes(output.stderr).trim()].filter(Boolean).join('\n'),
          durationMs: Date.now() - started,
        };
      } finally {
        stop.clear();
      }
    },
    info: () => detected,
    async dispose() {
      detection.abort();
      await Promise.all([...sessions.slots, ...workers.slots].map((slot) => slot.dispose()));
    },
  };
}
