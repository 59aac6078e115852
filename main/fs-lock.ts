/**
 * An exclusive lock that the operating system holds for us: an open-file-description lock on Linux,
 * flock on macOS, LockFileEx on Windows (through fs-native-extensions). The kernel releases it when
 * the holder's file is closed — also when the process is killed, crashes or the machine loses power —
 * so there is never a stale lock to take over, a window between creating and claiming it, or a
 * reused PID that keeps it. A stopped (SIGSTOP) holder keeps it: nobody else acts meanwhile.
 *
 * The lock file itself is never deleted (deleting it would let a second process lock a new file
 * while the first still holds the old one). It holds the holder's PID, for messages only.
 */
import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { tryLock } from 'fs-native-extensions';

/**
 * The byte range that is locked, beyond the PID text: on Windows a locked range cannot be read by
 * others, and the PID must stay readable for the "who holds it" message.
 */
const LOCK_OFFSET = 2 ** 30;

export interface HeldLock {
  release(): Promise<void>;
}

/** Takes the lock at `path` now, or returns null with the holder's PID (when it can be read). */
export async function tryExclusiveLock(
  path: string,
): Promise<{ lock: HeldLock; holder?: undefined } | { lock: null; holder: number | null }> {
  const handle = await open(path, constants.O_RDWR | constants.O_CREAT, 0o600);
  let locked = false;
  try {
    locked = tryLock(handle.fd, LOCK_OFFSET, 1);
  } finally {
    if (!locked) await handle.close();
  }
  if (!locked) {
    const text = await readFile(path, 'utf8').catch(() => '');
    const pid = Number(text.trim());
    return { lock: null, holder: Number.isInteger(pid) && pid > 0 ? pid : null };
  }
  try {
    await handle.truncate(0);
    await handle.write(String(process.pid), 0);
  } catch {
    // The PID is for messages only; the lock is what counts.
  }
  let released = false;
  return {
    lock: {
      async release() {
        if (released) return;
        released = true;
        await handle.close();
      },
    },
  };
}

/**
 * Waits up to `waitMs` for the lock (polling: the kernel's blocking wait cannot be cancelled).
 * Returns null with the last holder seen when the time runs out or `signal` aborts.
 */
export async function exclusiveLock(
  path: string,
  waitMs: number,
  signal?: AbortSignal,
): Promise<{ lock: HeldLock; holder?: undefined } | { lock: null; holder: number | null }> {
  const deadline = performance.now() + waitMs;
  for (;;) {
    const attempt = await tryExclusiveLock(path);
    if (attempt.lock || performance.now() >= deadline || signal?.aborted) return attempt;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(250, Math.max(1, deadline - performance.now()))),
    );
  }
}
