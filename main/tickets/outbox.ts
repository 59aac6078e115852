/**
 * The outbox: every report is written durably to disk before Triage tries to send it, and stays
 * there until a helpdesk has it — across crashes, power cuts, reboots and offline days.
 *
 * Layout: `<outbox>/<key>/` holds `submission.json`, `bundle.zip` and `state.json`. An item appears
 * only once complete: it is assembled in `.incoming-<key>/` and renamed into place (a crash while
 * queueing leaves an incoming folder, cleaned up later, never a half item).
 *
 * No duplicates: before each attempt the item is marked `sending` on disk. An item found `sending`
 * (the process died mid-request) or whose last attempt had an unknown outcome (the connection
 * dropped after the request went out) is first looked up at the helpdesk by its idempotency key;
 * only if the helpdesk has no ticket for it is it created again.
 *
 * One sender at a time: a lock file holds the PID of the process sending; a lock whose process is
 * gone is taken over.
 */
import { randomUUID, createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { copyFileDurable, syncDir, writeFileDurable } from '../fs-durable';
import {
  ConnectorError,
  type Connector,
  type ConnectorErrorKind,
  type TicketReceipt,
  type TicketSubmission,
} from './types';

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutboxState {
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly createdAt: string;
  readonly lastAttemptAt: string | null;
  /** When the next attempt may be made (queued items). */
  readonly nextAttemptAt: string | null;
  /** Set when the last attempt may or may not have reached the helpdesk: look up before resending. */
  readonly outcomeUnknown: boolean;
  readonly lastError: {
    readonly kind: ConnectorErrorKind | 'expired' | 'damaged' | 'settling';
    readonly message: string;
  } | null;
  readonly receipt: (TicketReceipt & { readonly connector: string; readonly deduplicated: boolean }) | null;
  readonly sentAt: string | null;
}

export interface OutboxItem {
  readonly key: string;
  readonly submission: TicketSubmission;
  readonly state: OutboxState;
}

export interface OutboxLimits {
  /** Reports older than this stop being retried (and say so). */
  readonly maxAgeDays: number;
  /** No more reports are queued past this many waiting. */
  readonly maxItems: number;
  /** …or past this many bytes of bundles waiting. */
  readonly maxBytes: number;
}

export const DEFAULT_OUTBOX_LIMITS: OutboxLimits = {
  maxAgeDays: 14,
  maxItems: 50,
  maxBytes: 500 * 1024 * 1024,
};

export interface RetryPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Returns a number in [0, 1); injected by tests. */
  readonly random: () => number;
}

/** 30 s, 1 min, 2 min … up to an hour, each with up to half of it taken off at random (jitter). */
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, maxMs: 60 * 60_000, random: Math.random };

export function backoffMs(
  attempts: number,
  policy: RetryPolicy = DEFAULT_RETRY,
  retryAfterMs?: number,
): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(exponential * (0.5 + policy.random() / 2));
  // A server that says when to come back is believed, within reason.
  return retryAfterMs === undefined ? jittered : Math.min(policy.maxMs, Math.max(jittered, retryAfterMs));
}

export class OutboxError extends Error {
  override readonly name = 'OutboxError';
  constructor(
    readonly code: 'full' | 'missing-bundle' | 'unknown-item' | 'busy' | 'unreadable',
    message: string,
  ) {
    super(message);
  }
}

export interface SendResult {
  readonly key: string;
  readonly status: OutboxStatus;
  readonly receipt: OutboxState['receipt'];
  readonly error: OutboxState['lastError'];
}

export type OutboxEvent =
  | { readonly type: 'sending'; readonly key: string; readonly attempt: number }
  | {
      readonly type: 'sent';
      readonly key: string;
      readonly receipt: TicketReceipt;
      readonly deduplicated: boolean;
    }
  | { readonly type: 'retry-later'; readonly key: string; readonly at: string; readonly message: string }
  | { readonly type: 'failed'; readonly key: string; readonly message: string };

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Outbox locks this process holds: a second sender in the same process must wait too. */
const locksHeldHere = new Set<string>();

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface OutboxOptions {
  readonly limits?: OutboxLimits;
  readonly retry?: RetryPolicy;
  readonly now?: () => Date;
  /** Budget of one request to the helpdesk. */
  readonly requestTimeoutMs?: number;
  /**
   * How long after an attempt whose outcome is unknown (the sender died, or the answer was lost) to
   * wait before looking the ticket up. A helpdesk may still be working on a request its client no
   * longer waits for (a large upload, a slow server); looking up too early finds nothing and files
   * the report twice. Default 2 minutes, longer than helpdesks take to answer a create.
   */
  readonly settleMs?: number;
}

export const DEFAULT_SETTLE_MS = 120_000;

export class Outbox {
  private readonly limits: OutboxLimits;
  private readonly retry: RetryPolicy;
  private readonly now: () => Date;
  private readonly requestTimeoutMs: number;
  private readonly settleMs: number;

  constructor(
    readonly dir: string,
    options: OutboxOptions = {},
  ) {
    this.limits = options.limits ?? DEFAULT_OUTBOX_LIMITS;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.now = options.now ?? (() => new Date());
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
    this.settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  }

  private itemDir(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key))
      throw new OutboxError('unknown-item', `"${key}" is not an outbox item key.`);
    return join(this.dir, key);
  }

  /**
   * Queues a report: copies its bundle into the outbox and writes the submission, durably, before
   * anything is sent. Returns the item's key (also the submission's idempotency key).
   */
  async enqueue(
    draft: Omit<TicketSubmission, 'idempotencyKey' | 'bundle' | 'createdAt'> & {
      bundlePath: string;
      bundleFileName: string;
    },
  ): Promise<string> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const info = await stat(draft.bundlePath).catch(() => null);
    if (!info?.isFile())
      throw new OutboxError(
        'missing-bundle',
        `The bundle ${draft.bundlePath} does not exist; nothing was queued.`,
      );
    const waiting = (await this.list()).filter(
      (item) => item.state.status === 'queued' || item.state.status === 'sending',
    );
    const waitingBytes = waiting.reduce((sum, item) => sum + item.submission.bundle.bytes, 0);
    if (waiting.length >= this.limits.maxItems || waitingBytes + info.size > this.limits.maxBytes) {
      throw new OutboxError(
        'full',
        `The outbox is full (${waiting.length} reports, ${Math.round(waitingBytes / 1024 / 1024)} MB waiting to be sent). The report was saved as ${draft.bundlePath}; connect to the network so the waiting reports can go, or send that file to IT.`,
      );
    }
    const key = randomUUID();
    const incoming = join(this.dir, `.incoming-${key}`);
    await mkdir(incoming, { mode: 0o700 });
    try {
      const bundlePath = join(this.itemDir(key), 'bundle.zip');
      await copyFileDurable(draft.bundlePath, join(incoming, 'bundle.zip'));
      const { bundlePath: _source, bundleFileName, ...rest } = draft;
      const submission: TicketSubmission = {
        ...rest,
        idempotencyKey: key,
        createdAt: this.now().toISOString(),
        bundle: {
          path: bundlePath,
          fileName: bundleFileName,
          sha256: await sha256File(join(incoming, 'bundle.zip')),
          bytes: info.size,
        },
      };
      await writeFileDurable(join(incoming, 'submission.json'), JSON.stringify(submission, null, 2));
      const state: OutboxState = {
        status: 'queued',
        attempts: 0,
        createdAt: submission.createdAt,
        lastAttemptAt: null,
        nextAttemptAt: submission.createdAt,
        outcomeUnknown: false,
        lastError: null,
        receipt: null,
        sentAt: null,
      };
      await writeFileDurable(join(incoming, 'state.json'), JSON.stringify(state, null, 2));
      await syncDir(incoming);
      await rename(incoming, this.itemDir(key));
      await syncDir(this.dir);
      return key;
    } catch (error) {
      await rm(incoming, { recursive: true, force: true });
      throw error;
    }
  }

  /** Every item, oldest first. Unreadable items are skipped (and reported by `check`). */
  async list(): Promise<OutboxItem[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const items: OutboxItem[] = [];
    for (const name of names) {
      if (!/^[0-9a-f-]{36}$/.test(name)) continue;
      const item = await this.read(name).catch(() => null);
      if (item) items.push(item);
    }
    return items.sort((a, b) => a.state.createdAt.localeCompare(b.state.createdAt));
  }

  async read(key: string): Promise<OutboxItem> {
    const dir = this.itemDir(key);
    try {
      const submission = JSON.parse(await readFile(join(dir, 'submission.json'), 'utf8')) as TicketSubmission;
      const state = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')) as OutboxState;
      return {
        key,
        submission: { ...submission, bundle: { ...submission.bundle, path: join(dir, 'bundle.zip') } },
        state,
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new OutboxError('unknown-item', `There is no outbox item ${key}.`);
      throw new OutboxError('unreadable', `Outbox item ${key} cannot be read: ${(error as Error).message}`);
    }
  }

  private async writeState(key: string, state: OutboxState): Promise<void> {
    await writeFileDurable(join(this.itemDir(key), 'state.json'), JSON.stringify(state, null, 2));
  }

  /** Takes the sender lock (across processes, and within this one), or says who holds it. */
  private async lock(): Promise<() => Promise<void>> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const path = join(this.dir, '.lock');
    if (locksHeldHere.has(path))
      throw new OutboxError('busy', 'The outbox is being sent right now; try again in a moment.');
    locksHeldHere.add(path);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const handle = await open(path, 'wx', 0o600);
        await handle.writeFile(String(process.pid));
        await handle.sync();
        await handle.close();
        return async () => {
          await rm(path, { force: true });
          locksHeldHere.delete(path);
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          locksHeldHere.delete(path);
          throw error;
        }
        const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
        if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && pidAlive(holder)) {
          locksHeldHere.delete(path);
          throw new OutboxError(
            'busy',
            `Another Triage process (PID ${holder}) is sending the outbox right now; try again in a moment.`,
          );
        }
        // The holder died (crash, kill -9): its lock is stale.
        await rm(path, { force: true });
      }
    }
    locksHeldHere.delete(path);
    throw new OutboxError('busy', 'The outbox lock could not be taken.');
  }

  /**
   * Sends every item that is due (or every unsent item with `force`, also failed ones, e.g. after IT
   * fixed the configuration). Never throws for an item: each ends sent, queued for later, or failed
   * with a message. Throws OutboxError('busy') if another process is sending.
   */
  async send(
    connector: Connector,
    options: {
      force?: boolean;
      signal?: AbortSignal;
      onEvent?: (event: OutboxEvent) => void;
      only?: string;
    } = {},
  ): Promise<SendResult[]> {
    const unlock = await this.lock();
    const results: SendResult[] = [];
    try {
      await this.cleanIncoming();
      for (const item of await this.list()) {
        if (options.only && item.key !== options.only) continue;
        if (options.signal?.aborted) break;
        const due =
          item.state.status === 'queued' ||
          item.state.status === 'sending' ||
          (options.force === true && item.state.status === 'failed');
        if (!due) continue;
        if (
          !options.force &&
          item.state.status === 'queued' &&
          item.state.nextAttemptAt &&
          Date.parse(item.state.nextAttemptAt) > this.now().getTime()
        )
          continue;
        if (this.unsettled(item.state)) {
          // Not even `force` skips this: the lookup would miss a ticket still being created.
          const message = `The last attempt may still be arriving at the helpdesk; Triage waits ${Math.round(this.settleMs / 1000)} s after it before checking, so that the report is never filed twice.`;
          results.push({
            key: item.key,
            status: 'queued',
            receipt: null,
            error: { kind: 'settling', message },
          });
          continue;
        }
        const state = await this.sendOne(
          item,
          connector,
          options.signal ?? new AbortController().signal,
          options.onEvent ?? (() => undefined),
        );
        results.push({ key: item.key, status: state.status, receipt: state.receipt, error: state.lastError });
      }
    } finally {
      await unlock();
    }
    return results;
  }

  private unsettled(state: OutboxState): boolean {
    if (!(state.status === 'sending' || state.outcomeUnknown) || !state.lastAttemptAt) return false;
    return this.now().getTime() - Date.parse(state.lastAttemptAt) < this.settleMs;
  }

  private async sendOne(
    item: OutboxItem,
    connector: Connector,
    signal: AbortSignal,
    emit: (event: OutboxEvent) => void,
  ): Promise<OutboxState> {
    const now = this.now();
    const base = item.state;
    // A report that can never be sent is marked failed for good, with the reason.
    const fail = async (kind: 'expired' | 'damaged', message: string): Promise<OutboxState> => {
      const state: OutboxState = {
        ...base,
        status: 'failed',
        nextAttemptAt: null,
        lastError: { kind, message },
      };
      await this.writeState(item.key, state);
      emit({ type: 'failed', key: item.key, message });
      return state;
    };
    const ageDays = (now.getTime() - Date.parse(base.createdAt)) / 86_400_000;
    if (ageDays > this.limits.maxAgeDays) {
      const message = `This report is ${Math.floor(ageDays)} days old and was never sent; Triage stopped trying after ${this.limits.maxAgeDays} days. The bundle is still in ${item.submission.bundle.path}.`;
      return fail('expired', message);
    }
    if ((await sha256File(item.submission.bundle.path).catch(() => null)) !== item.submission.bundle.sha256) {
      const message = `The queued bundle was damaged or removed on disk (its SHA-256 no longer matches); it cannot be sent. Run Get help again.`;
      return fail('damaged', message);
    }
    const context = { signal, timeoutMs: this.requestTimeoutMs };
    const sent = async (receipt: TicketReceipt, deduplicated: boolean): Promise<OutboxState> => {
      const state: OutboxState = {
        ...base,
        attempts: base.attempts + (deduplicated ? 0 : 1),
        status: 'sent',
        outcomeUnknown: false,
        nextAttemptAt: null,
        lastError: null,
        sentAt: this.now().toISOString(),
        receipt: { ...receipt, connector: connector.kind, deduplicated },
      };
      await this.writeState(item.key, state);
      emit({ type: 'sent', key: item.key, receipt, deduplicated });
      return state;
    };
    try {
      // The last attempt may have reached the helpdesk: ask before creating another ticket.
      if (base.status === 'sending' || base.outcomeUnknown) {
        const existing = await connector.findByKey(item.key, context);
        if (existing) return await sent(existing, true);
      }
      await this.writeState(item.key, {
        ...base,
        status: 'sending',
        attempts: base.attempts + 1,
        lastAttemptAt: now.toISOString(),
      });
      emit({ type: 'sending', key: item.key, attempt: base.attempts + 1 });
      const receipt = await connector.create(item.submission, context);
      return await sent(receipt, false);
    } catch (error) {
      const failure =
        error instanceof ConnectorError
          ? error
          : new ConnectorError(
              'unknown-outcome',
              `Sending failed unexpectedly: ${(error as Error).message}`,
              { cause: error },
            );
      const attempts = base.attempts + 1;
      if (failure.permanent) {
        const state: OutboxState = {
          ...base,
          attempts,
          status: 'failed',
          lastAttemptAt: now.toISOString(),
          nextAttemptAt: null,
          outcomeUnknown: base.outcomeUnknown || failure.kind === 'unknown-outcome',
          lastError: { kind: failure.kind, message: failure.message },
        };
        await this.writeState(item.key, state);
        emit({ type: 'failed', key: item.key, message: failure.message });
        return state;
      }
      const waitMs = Math.max(
        backoffMs(attempts, this.retry, failure.options.retryAfterMs),
        failure.kind === 'unknown-outcome' ? this.settleMs : 0,
      );
      const at = new Date(this.now().getTime() + waitMs).toISOString();
      const state: OutboxState = {
        ...base,
        attempts,
        status: 'queued',
        lastAttemptAt: now.toISOString(),
        nextAttemptAt: at,
        // Once unknown, stays unknown until a lookup settles it.
        outcomeUnknown:
          base.outcomeUnknown || base.status === 'sending' || failure.kind === 'unknown-outcome',
        lastError: { kind: failure.kind, message: failure.message },
      };
      await this.writeState(item.key, state);
      emit({ type: 'retry-later', key: item.key, at, message: failure.message });
      return state;
    }
  }

  /** Removes items: by key, or all sent and failed ones. Returns the keys removed. */
  async purge(options: { key?: string; includePending?: boolean } = {}): Promise<string[]> {
    const unlock = await this.lock();
    try {
      const removed: string[] = [];
      for (const item of await this.list()) {
        if (options.key && item.key !== options.key) continue;
        const pending = item.state.status === 'queued' || item.state.status === 'sending';
        if (pending && !options.includePending && !options.key) continue;
        await rm(this.itemDir(item.key), { recursive: true, force: true });
        removed.push(item.key);
      }
      if (options.key && removed.length === 0)
        throw new OutboxError('unknown-item', `There is no outbox item ${options.key}.`);
      await syncDir(this.dir).catch(() => undefined);
      return removed;
    } finally {
      await unlock();
    }
  }

  /**
   * Incoming folders left by a crash while queueing: never visible as items, safe to delete once
   * old enough that no process can still be writing them (queueing takes well under a minute).
   */
  private async cleanIncoming(): Promise<void> {
    const cutoff = this.now().getTime() - 10 * 60_000;
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (!name.startsWith('.incoming-')) continue;
      const info = await stat(join(this.dir, name)).catch(() => null);
      if (info && info.mtimeMs < cutoff) await rm(join(this.dir, name), { recursive: true, force: true });
    }
  }
}
