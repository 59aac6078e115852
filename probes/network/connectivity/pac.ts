/**
 * Runs a proxy auto-configuration (PAC) script to learn which proxy a URL goes through.
 *
 * A PAC file is code from the network, so it is treated as hostile: it runs in QuickJS compiled to
 * WebAssembly (pac-resolver's sandbox, not Node's `vm`), with no access to Node, a memory cap, an
 * interrupt after a deadline (an endless loop costs its budget, not the process), and a size cap on
 * the script. The network.connectivity check and the ticket transport use this same function.
 */
import { readFileSync } from 'node:fs';
import { createPacResolver } from 'pac-resolver';
import { QuickJS } from 'quickjs-wasi';
import { ProbeError } from '../../errors';
import { parsePacResult, type PacChoice } from './parse';

/** PAC files are a few kilobytes; Microsoft's own is about 20 KB. Anything past 1 MB is not one. */
export const MAX_PAC_BYTES = 1024 * 1024;
/** Enough for any real PAC (string and IP tests); a script that needs more is broken or hostile. */
const MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;
export const DEFAULT_PAC_TIMEOUT_MS = 2_000;

let wasm: Buffer | undefined;

/** The QuickJS engine, read from the quickjs-wasi package once (its .wasm ships beside its code). */
function quickjsWasm(): Buffer {
  wasm ??= readFileSync(require.resolve('quickjs-wasi/quickjs.wasm'));
  return wasm;
}

/**
 * FindProxyForURL(url, host) of `script`, as the raw answer and its choices. Throws a ProbeError
 * `parse-error` when the script is too large, does not compile or throws, `timeout` when it runs
 * past `timeoutMs`.
 */
export async function evaluatePac(
  script: string,
  url: string,
  options: { timeoutMs?: number } = {},
): Promise<{ result: string; choices: PacChoice[] }> {
  if (Buffer.byteLength(script, 'utf8') > MAX_PAC_BYTES)
    throw new ProbeError(
      'parse-error',
      `The PAC script is larger than ${MAX_PAC_BYTES} bytes; it was not run.`,
    );
  const timeoutMs = options.timeoutMs ?? DEFAULT_PAC_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const state = { timedOut: false };
  // One engine per evaluation: nothing a script leaves behind reaches the next one.
  const vm = await QuickJS.create({
    wasm: quickjsWasm(),
    memoryLimit: MEMORY_LIMIT_BYTES,
    interruptHandler: () => {
      state.timedOut = Date.now() > deadline;
      return state.timedOut;
    },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const find = createPacResolver(vm, script, { filename: 'proxy.pac' });
    // The interrupt stops a loop inside the script; this stops a wait on its DNS helpers.
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        state.timedOut = true;
        reject(new Error('timeout'));
      }, timeoutMs);
    });
    const answer = await Promise.race([find(url), expired]);
    const result = typeof answer === 'string' ? answer : String(answer);
    return { result, choices: parsePacResult(result) };
  } catch (error) {
    if (state.timedOut)
      throw new ProbeError('timeout', `The PAC script did not answer within ${timeoutMs} ms.`, {
        cause: error,
      });
    const detail = error instanceof Error ? error.message : String(error);
    throw new ProbeError('parse-error', `The PAC script failed: ${detail.slice(0, 200) || 'it threw'}.`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    try {
      vm.dispose();
    } catch {
      // Disposing an engine that was interrupted mid-call can fail; it is dropped either way.
    }
  }
}
