/**
 * A throwaway network namespace with only loopback, so the real probes can run on this machine
 * without sending anything to its real network (its gateway and DNS server are off limits in tests).
 * DNS inside points at 127.0.0.1, where nothing listens: lookups fail at once instead of leaking.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

export function canUseNamespaces(): { ok: true } | { ok: false; reason: string } {
  if (process.getuid?.() !== 0) return { ok: false, reason: 'network namespaces need root' };
  const probe = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    return {
      ok: false,
      reason: `"ip netns" is not available (${probe.error?.message ?? probe.stderr.trim()})`,
    };
  return { ok: true };
}

/**
 * Tests that need namespaces fail in CI when they cannot have them (CI runs as root), and are
 * skipped with the reason on a developer machine that cannot.
 */
export function namespaceSupport(): { skip: boolean; reason: string } {
  const support = canUseNamespaces();
  if (support.ok) return { skip: false, reason: '' };
  if (process.env.CI) throw new Error(`CI must be able to create network namespaces: ${support.reason}`);
  return { skip: true, reason: support.reason };
}

export interface NamespaceRunOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}
export interface NamespaceRunResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** Runs a program inside a namespace (argument array, no shell) and waits for it. */
export function runInNamespace(
  namespace: string,
  file: string,
  args: readonly string[],
  options: NamespaceRunOptions = {},
): NamespaceRunResult {
  const result = spawnSync('ip', ['netns', 'exec', namespace, file, ...args], {
    encoding: 'utf8',
    env: options.env ?? process.env,
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  // When `ip` itself cannot start there is no output at all, whatever Node's types say.
  const text = (output: string | null): string => output ?? '';
  return { stdout: text(result.stdout), stderr: text(result.stderr), status: result.status };
}

export interface BareNamespace {
  readonly name: string;
  /** Runs a program inside the namespace (argument array, no shell). */
  run(file: string, args: readonly string[], options?: NamespaceRunOptions): NamespaceRunResult;
  remove(): void;
}

function ip(args: string[]): void {
  const result = spawnSync('ip', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ip ${args.join(' ')} failed: ${result.stderr.trim()}`);
}

export function createBareNamespace(prefix = 'tb'): BareNamespace {
  const name = `${prefix}-${process.pid}-${Math.floor(Math.random() * 1e6)}`;
  ip(['netns', 'add', name]);
  const etc = `/etc/netns/${name}`;
  try {
    ip(['-n', name, 'link', 'set', 'lo', 'up']);
    mkdirSync(etc, { recursive: true });
    writeFileSync(`${etc}/resolv.conf`, 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n');
  } catch (error) {
    spawnSync('ip', ['netns', 'del', name]);
    rmSync(etc, { recursive: true, force: true });
    throw error;
  }
  return {
    name,
    run: (file, args, options) => runInNamespace(name, file, args, options),
    remove() {
      spawnSync('ip', ['netns', 'del', name]);
      rmSync(etc, { recursive: true, force: true });
    },
  };
}
