/**
 * One PowerShell session per run, shared by every Windows collector.
 *
 * Starting powershell.exe costs 300–800 ms and a lot of memory; a session per command would cost
 * more than the diagnostics themselves. The session runs one script at a time, so scripts queue.
 * A script that overruns its budget gets its session killed (process tree and all) and the next
 * script starts a fresh one: a hung WMI query costs its own budget, not the run.
 *
 * Scripts are sent as base64 text and turned into a script block inside the session, so:
 * - nothing in a script or its arguments can break out of the command line (only [A-Za-z0-9+/=]
 *   travels on it);
 * - multi-line scripts work (`-Command -` reads stdin line by line);
 * - the execution policy, which governs .ps1 *files*, does not stop them.
 * Every script prints one JSON document with `ConvertTo-Json -Compress`, built from CIM classes,
 * registry values and numeric enums, never from text that Windows translates into the UI language.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { PowerShell } from 'node-powershell';
import { ProbeError } from '../errors';
import { killTree } from './exec';

export interface PowerShellOutput {
  readonly json: unknown;
  /** What the script wrote to the error stream (non-terminating errors), trimmed. */
  readonly stderr: string;
  readonly durationMs: number;
}

export interface PowerShellHost {
  run(
    scriptPath: string,
    args: Readonly<Record<string, string | number | boolean>>,
    options: { timeoutMs: number; signal: AbortSignal },
  ): Promise<PowerShellOutput>;
  dispose(): Promise<void>;
}

/** Builds the one-line command that runs a script with its arguments. Pure, for tests. */
export function buildInvocation(
  script: string,
  args: Readonly<Record<string, string | number | boolean>>,
): string {
  const scriptB64 = Buffer.from(script, 'utf8').toString('base64');
  const argsB64 = Buffer.from(JSON.stringify(args), 'utf8').toString('base64');
  const decode = (b64: string): string =>
    `[Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${b64}'))`;
  // The script receives its arguments as one object, `param($TriageArgs)`.
  return `& ([scriptblock]::Create(${decode(scriptB64)})) (${decode(argsB64)} | ConvertFrom-Json)`;
}

/** Reads a script's printed JSON; tolerates a stray line before it (some cmdlets print banners). */
export function parseScriptOutput(scriptName: string, stdout: string): unknown {
  const text = stdout.trim();
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

const SESSION_SETUP = [
  "$ProgressPreference = 'SilentlyContinue'",
  "$ErrorActionPreference = 'Continue'",
  '[Console]::OutputEncoding = [Text.Encoding]::UTF8',
].join('; ');

/** The real host: Windows PowerShell 5.1 (present on every supported Windows), via node-powershell. */
export function createPowerShellHost(executable = 'powershell'): PowerShellHost {
  let shell: PowerShell | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const scripts = new Map<string, string>();

  const shellProcess = (ps: PowerShell): ChildProcess =>
    // node-powershell keeps its child private; we need it to kill the whole tree on timeout.
    (ps as unknown as { process: ChildProcess }).process;

  const discard = (): void => {
    if (!shell) return;
    killTree(shellProcess(shell));
    shell = null;
  };

  const start = async (): Promise<PowerShell> => {
    if (shell) return shell;
    const ps = new PowerShell({
      executable,
      executableOptions: { '-NoProfile': true, '-NonInteractive': true, '-NoLogo': true },
      spawnOptions: { windowsHide: true },
      throwOnInvocationError: false,
    });
    const child = shellProcess(ps);
    // child-shell keeps a promise that rejects when the process dies and never handles it; an
    // unhandled rejection would crash Triage on a machine where PowerShell is missing or killed.
    (ps as unknown as { exitPromise: Promise<unknown> }).exitPromise.catch(() => undefined);
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new ProbeError(
            'powershell-unavailable',
            error.code === 'ENOENT'
              ? `${executable} was not found, so the Windows checks could not run. Windows PowerShell 5.1 ships with Windows; check that it has not been removed or blocked.`
              : `${executable} could not start: ${error.message}`,
          ),
        ),
      );
    });
    await ps.invoke(SESSION_SETUP);
    shell = ps;
    return ps;
  };

  const runOne = async (
    scriptPath: string,
    args: Readonly<Record<string, string | number | boolean>>,
    options: { timeoutMs: number; signal: AbortSignal },
  ): Promise<PowerShellOutput> => {
    const name = basename(scriptPath);
    if (options.signal.aborted)
      throw new ProbeError('cancelled', `${name} was not run: the probe was stopped.`);
    let script = scripts.get(scriptPath);
    if (script === undefined) {
      script = await readFile(scriptPath, 'utf8');
      scripts.set(scriptPath, script);
    }
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stopped = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ProbeError('timeout', `${name} did not finish within ${options.timeoutMs} ms.`)),
        options.timeoutMs,
      );
      onAbort = () =>
        reject(new ProbeError('cancelled', `${name} was stopped because the probe was stopped.`));
      options.signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const ps = await Promise.race([start(), stopped]);
      const result = await Promise.race([ps.invoke(buildInvocation(script, args)), stopped]);
      const stdout = result.stdout?.toString('utf8') ?? '';
      const stderr = result.stderr?.toString('utf8').trim() ?? '';
      return { json: parseScriptOutput(name, stdout), stderr, durationMs: Date.now() - started };
    } catch (error) {
      // A script we gave up on may still be running inside the session: the session cannot be reused.
      if (error instanceof ProbeError && (error.code === 'timeout' || error.code === 'cancelled')) discard();
      throw error;
    } finally {
      clearTimeout(timer);
      if (onAbort) options.signal.removeEventListener('abort', onAbort);
    }
  };

  return {
    run(scriptPath, args, options) {
      const next = queue.then(() => runOne(scriptPath, args, options));
      queue = next.catch(() => undefined);
      return next;
    },
    async dispose() {
      await queue;
      if (shell) {
        const ps = shell;
        shell = null;
        await ps.dispose().catch(() => killTree(shellProcess(ps)));
      }
    },
  };
}
