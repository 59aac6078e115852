/**
 * The outbox: every report is written durably to disk before Triage tries to send it, and stays
 * there until a helpdesk has it — across crashes, power cuts, reboots and offline days.
 *
 * Layout: `<outbox>/<key>/` holds `submission.json`, `bundle.zip` and `state.json`. An item appears
 * only once complete: it is assembled in `.incoming-<key>/` and renamed into place (a crash while
 * queueing leaves an incoming folder, cleaned up later, never a half item). An item whose files
 * cannot be read is listed as damaged, with what is wrong, and never stops the others.
 *
 * Exactly once: before each attempt the item is marked `sending` on disk. An item found `sending`
 * (the process died mid-request), or whose last attempt ended with an answer that does not prove
 * the ticket was not created (a 5xx, a timeout, a dropped connection, a garbled 2xx), is first
 * looked up at the helpdesk by its idempotency key; only if the helpdesk has no ticket for it is it
 * created again. That lookup waits until the earlier request has surely landed ("settled"): at
 * least `settleMs`, and at least twice the longest this helpdesk has ever taken to answer a create.
 * Waits are measured on the system's uptime clock, which wall-clock changes do not move, so a clock
 * set back or forward neither holds a report nor looks it up too early.
 *
 * One sender at a time: an exclusive lock held by the operating system (fs-lock.ts), released by
 * the kernel when the sender ends, however it ends.
 */
import { randomUUID, createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { uptime } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { copyFileDurable, syncDir, writeFileDurable } from '../fs-durable';
import { exclusiveLock } from '../fs-lock';
import {
  ConnectorError,
  type Connector,
  type ConnectorErrorKind,
  type TicketReceipt,
  type TicketSubmission,
  type Transport,
} from './types';

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

const receiptSchema = z.object({
  id: z.string(),
  url: z.string().nullable(),
  connector: z.string(),
  deduplicated: z.boolean(),
});

/** state.json. Read with this schema: a file of the wrong shape is a damaged item, not a crash. */
const stateSchema = z.object({
  status: z.enum(['queued', 'sending', 'sent', 'failed']),
  attempts: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  lastAttemptAt: z.iso.datetime().nullable(),
  /** The system uptime (ms) at the last attempt: what settling is measured on (absent before 0.2). */
  lastAttemptUptimeMs: z.number().min(0).nullable().default(null),
  /** When the next attempt may be made (queued items). */
  nextAttemptAt: z.iso.datetime().nullable(),
  /** Set when the last attempt may or may not have reached the helpdesk: look up before resending. */
  outcomeUnknown: z.boolean(),
  lastError: z
    .object({
      kind: z.string() as z.ZodType<ConnectorErrorKind | 'expired' | 'damaged' | 'settling'>,
      message: z.string(),
    })
    .nullable(),
  receipt: receiptSchema.nullable(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxState = z.infer<typeof stateSchema>;

const submissionSchema = z.object({
  idempotencyKey: z.string(),
  subject: z.string(),
  description: z.string(),
  requester: z.object({ name: z.string(), email: z.string(), phone: z.string() }).nullable(),
  category: z.string() as z.ZodType<TicketSubmission['category']>,
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  bundle: z.object({
    path: z.string(),
    fileName: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().min(0),
  }),
  createdAt: z.iso.datetime(),
});

export interface OutboxItem {
  readonly key: string;
  readonly submission: TicketSubmission;
  readonly state: OutboxState;
}

/** An item whose files cannot be read or have the wrong shape: shown, never sent, never hidden. */
export interface DamagedItem {
  readonly key: string;
  /** What is wrong, for the person reading `outbox list`. */
  readonly problem: string;
  /** Whether its report can still be sent: submission and bundle intact, only the state lost. */
  readonly repairable: boolean;
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
    readonly code: 'full' | 'missing-bundle' | 'not-queued' | 'unknown-item' | 'busy' | 'damaged',
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

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isOutboxKey(value: string): boolean {
  return KEY.test(value);
}

/**
 * The key a bundle gets when nobody chose one: made from its SHA-256, so submitting the same bundle
 * again (a script re-run after an unclear end) finds the report already queued or sent instead of
 * filing it twice. Shaped as a UUID (version 8, "custom") so helpdesk fields that expect one take it.
 */
export function keyForBundle(sha256: string): string {
  const hex = sha256.slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Connector failures that do not prove the ticket was not created: the helpdesk (or a gateway in
 * front of it) may have acted before the answer went wrong. The next attempt looks up first.
 */
const MAY_HAVE_ARRIVED: ReadonlySet<ConnectorErrorKind> = new Set([
  'unknown-outcome',
  'server',
  'timeout',
  'bad-response',
]);

/** Folder for damaged items moved aside by `check({ quarantine: true })`. */
const QUARANTINE = '.quarantine';
/** How long this helpdesk has taken to answer a create, at the slowest (outbox-wide). */
const TIMINGS = '.timings.json';

function errnoReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'Triage may not write there';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return code ?? (error as Error).message;
  }
}

export interface OutboxOptions {
  readonly limits?: OutboxLimits;
  readonly retry?: RetryPolicy;
  readonly now?: () => Date;
  /** The system uptime in ms (a clock that wall-clock changes do not move); injected by tests. */
  readonly uptimeMs?: () => number;
  /** Budget of one lookup request to the helpdesk. */
  readonly requestTimeoutMs?: number;
  /**
   * Budget of one create (the upload and the helpdesk's work on it). Long on purpose: waiting for
   * the helpdesk's answer is the only way to know for sure whether it created the ticket.
   */
  readonly createTimeoutMs?: number;
  /**
   * The least time after an attempt whose outcome is unknown (the sender died, or the answer was
   * lost) before looking the ticket up. A helpdesk may still be working on a request its client no
   * longer waits for; looking up too early finds nothing and files the report twice. The outbox
   * also waits at least twice the longest create this helpdesk has answered. Default 2 minutes.
   */
  readonly settleMs?: number;
  /** How requests leave the machine (Electron's net.fetch, the CLI's proxy-aware transport). */
  readonly transport?: Transport;
}

export const DEFAULT_SETTLE_MS = 120_000;

export class Outbox {
  private readonly limits: OutboxLimits;
  private readonly retry: RetryPolicy;
  private readonly now: () => Date;
  private readonly uptimeMs: () => number;
  private readonly requestTimeoutMs: number;
  private readonly createTimeoutMs: number;
  private readonly settleMs: number;
  private readonly transport: Transport | undefined;

  constructor(
    readonly dir: string,
    options: OutboxOptions = {},
  ) {
    this.limits = options.limits ?? DEFAULT_OUTBOX_LIMITS;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.now = options.now ?? (() => new Date());
    this.uptimeMs = options.uptimeMs ?? (() => uptime() * 1000);
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
    this.createTimeoutMs = options.createTimeoutMs ?? 15 * 60_000;
    this.settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
    this.transport = options.transport;
  }

  private itemDir(key: string): string {
    if (!isOutboxKey(key)) throw new OutboxError('unknown-item', `"${key}" is not an outbox item key.`);
    return join(this.dir, key);
  }

  /**
   * Queues a report: copies its bundle into the outbox and writes the submission, durably, before
   * anything is sent. Returns the item's key (also the submission's idempotency key): `key` when
   * given — and if an item with that key exists already, nothing new is queued.
   */
  async enqueue(
    draft: Omit<TicketSubmission, 'idempotencyKey' | 'bundle' | 'createdAt'> & {
      bundlePath: string;
      bundleFileName: string;
      key?: string;
    },
  ): Promise<string> {
    const key = draft.key ?? randomUUID();
    const target = this.itemDir(key);
    const notQueued = (error: unknown): OutboxError =>
      new OutboxError(
        'not-queued',
        `The report was NOT queued: ${errnoReason(error)} (writing to ${this.dir}). The report is still in ${draft.bundlePath}; free some space or fix the folder, then submit it again, or send that file to IT.`,
      );
    await mkdir(this.dir, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
      throw notQueued(error);
    });
    if (await stat(target).catch(() => null)) return key;
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
    const incoming = join(this.dir, `.incoming-${key}-${process.pid}`);
    try {
      await mkdir(incoming, { mode: 0o700 });
      await copyFileDurable(draft.bundlePath, join(incoming, 'bundle.zip'));
      const { bundlePath: _source, bundleFileName, key: _key, ...rest } = draft;
      const submission: TicketSubmission = {
        ...rest,
        idempotencyKey: key,
        createdAt: this.now().toISOString(),
        bundle: {
          path: join(target, 'bundle.zip'),
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
        lastAttemptUptimeMs: null,
        nextAttemptAt: submission.createdAt,
        outcomeUnknown: false,
        lastError: null,
        receipt: null,
        sentAt: null,
      };
      await writeFileDurable(join(incoming, 'state.json'), JSON.stringify(state, null, 2));
      await syncDir(incoming);
      try {
        await rename(incoming, target);
      } catch (error) {
        // Someone queued the same key meanwhile (the same bundle, submitted twice at once): theirs stands.
        const code = (error as NodeJS.ErrnoException).code;
        if (
          (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM') &&
          (await stat(target).catch(() => null))
        ) {
          await rm(incoming, { recursive: true, force: true });
          return key;
        }
        throw error;
      }
      await syncDir(this.dir);
      return key;
    } catch (error) {
      await rm(incoming, { recursive: true, force: true }).catch(() => undefined);
      if (error instanceof OutboxError) throw error;
      throw notQueued(error);
    }
  }

  /** Every readable item, oldest first, and every damaged one with what is wrong. */
  async scan(): Promise<{ items: OutboxItem[]; damaged: DamagedItem[] }> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const items: OutboxItem[] = [];
    const damaged: DamagedItem[] = [];
    for (const name of names) {
      if (!isOutboxKey(name)) continue;
      const result = await this.readItem(name);
      if ('problem' in result) damaged.push(result);
      else items.push(result);
    }
    items.sort((a, b) => a.state.createdAt.localeCompare(b.state.createdAt));
    return { items, damaged };
  }

  /** Every readable item, oldest first. Damaged items are in `scan()`. */
  async list(): Promise<OutboxItem[]> {
    return (await this.scan()).items;
  }

  async read(key: string): Promise<OutboxItem> {
    const result = await this.readItem(key);
    if (!('problem' in result)) return result;
    if (!(await stat(this.itemDir(key)).catch(() => null)))
      throw new OutboxError('unknown-item', `There is no outbox item ${key}.`);
    throw new OutboxError(
      'damaged',
      `Outbox item ${key} is damaged: ${result.problem} Run "triage outbox check --quarantine" to ${result.repairable ? 'repair it' : 'move it aside'}.`,
    );
  }

  private async readJson<T>(path: string, schema: z.ZodType<T>): Promise<T | string> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT'
        ? 'it is missing.'
        : `it cannot be read (${code ?? (error as Error).message}).`;
    }
    if (text.trim() === '') return 'it is empty.';
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return 'it is not valid JSON (cut off or overwritten).';
    }
    const parsed = schema.safeParse(json);
    return parsed.success
      ? parsed.data
      : `it does not hold what Triage wrote (${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.') || 'the whole file'}: ${i.message}`)
          .join('; ')}).`;
  }

  private async readItem(key: string): Promise<OutboxItem | DamagedItem> {
    const dir = this.itemDir(key);
    const info = await stat(dir).catch(() => null);
    if (!info) return { key, problem: 'its folder is missing.', repairable: false };
    if (!info.isDirectory()) return { key, problem: 'it is a file, not a folder.', repairable: false };
    const submission = await this.readJson(join(dir, 'submission.json'), submissionSchema);
    const bundle = await stat(join(dir, 'bundle.zip')).catch(() => null);
    if (typeof submission === 'string')
      return { key, problem: `its submission.json: ${submission}`, repairable: false };
    if (!bundle?.isFile()) return { key, problem: 'its bundle.zip is missing.', repairable: false };
    const state = await this.readJson(join(dir, 'state.json'), stateSchema);
    if (typeof state === 'string') return { key, problem: `its state.json: ${state}`, repairable: true };
    return {
      key,
      submission: { ...submission, bundle: { ...submission.bundle, path: join(dir, 'bundle.zip') } },
      state,
    };
  }

  private async writeState(key: string, state: OutboxState): Promise<void> {
    await writeFileDurable(join(this.itemDir(key), 'state.json'), JSON.stringify(state, null, 2));
  }

  /** Takes the sender lock (across processes, and within this one), or says who holds it. */
  private async lock(waitMs: number, signal?: AbortSignal): Promise<() => Promise<void>> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const taken = await exclusiveLock(join(this.dir, '.lock'), waitMs, signal);
    if (taken.lock) return () => taken.lock.release();
    throw new OutboxError(
      'busy',
      `Another Triage process${taken.holder && taken.holder !== process.pid ? ` (PID ${taken.holder})` : ''} is sending the outbox right now; it sends every report that is due, this one included.`,
    );
  }

  /**
   * Sends what `pick` names, and then every such item queued while it was sending: 'due' (the
   * default) the waiting items whose back-off has passed; 'waiting' every waiting item now (the
   * network just came back); 'all' also the failed ones (IT fixed the configuration). Never throws for an
   * item: each ends sent, queued for later, or failed with a message. Throws OutboxError('busy') if
   * another sender holds the outbox after `waitForLockMs` (default: do not wait).
   */
  async send(
    connector: Connector,
    options: {
      pick?: 'due' | 'waiting' | 'all';
      signal?: AbortSignal;
      onEvent?: (event: OutboxEvent) => void;
      only?: string;
      waitForLockMs?: number;
    } = {},
  ): Promise<SendResult[]> {
    const unlock = await this.lock(options.waitForLockMs ?? 0, options.signal);
    const results: SendResult[] = [];
    const attempted = new Set<string>();
    try {
      await this.cleanIncoming();
      const settleMs = await this.settleTime();
      for (;;) {
        const batch = (await this.list()).filter(
          (item) =>
            !attempted.has(item.key) &&
            (!options.only || item.key === options.only) &&
            this.due(item, options.pick ?? 'due', settleMs),
        );
        if (batch.length === 0 || options.signal?.aborted) break;
        for (const item of batch) {
          if (options.signal?.aborted) break;
          attempted.add(item.key);
          const waited = this.sinceLastAttemptMs(item.state);
          if ((item.state.status === 'sending' || item.state.outcomeUnknown) && waited < settleMs) {
            // No `pick` skips this: the lookup would miss a ticket still being created.
            const message = `The last attempt may still be arriving at the helpdesk; Triage waits ${Math.ceil((settleMs - waited) / 1000)} s more before checking, so that the report is never filed twice.`;
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
          results.push({
            key: item.key,
            status: state.status,
            receipt: state.receipt,
            error: state.lastError,
          });
        }
      }
    } finally {
      await unlock();
    }
    return results;
  }

  private due(item: OutboxItem, pick: 'due' | 'waiting' | 'all', settleMs: number): boolean {
    const { status, nextAttemptAt } = item.state;
    if (status === 'sent' || (status === 'failed' && pick !== 'all')) return false;
    if (pick !== 'due' || status === 'sending' || !nextAttemptAt) return true;
    const wait = Date.parse(nextAttemptAt) - this.now().getTime();
    // Further away than any backoff or settle time could set means the clock was set back since.
    return wait <= 0 || wait > Math.max(this.retry.maxMs, settleMs) + 60_000;
  }

  /** Time since the last attempt, on the uptime clock (a reboot restarts it: then, the uptime). */
  private sinceLastAttemptMs(state: OutboxState): number {
    if (!state.lastAttemptAt) return Number.POSITIVE_INFINITY;
    if (state.lastAttemptUptimeMs === null)
      return Math.max(0, this.now().getTime() - Date.parse(state.lastAttemptAt));
    const uptime = this.uptimeMs();
    return uptime >= state.lastAttemptUptimeMs ? uptime - state.lastAttemptUptimeMs : uptime;
  }

  /** The longest this helpdesk has taken to answer a create, as recorded in the outbox (0 if never). */
  private async slowestCreateMs(): Promise<number> {
    return readFile(join(this.dir, TIMINGS), 'utf8')
      .then(
        (text) => z.object({ slowestCreateMs: z.number().min(0) }).parse(JSON.parse(text)).slowestCreateMs,
      )
      .catch(() => 0);
  }

  private async settleTime(): Promise<number> {
    return Math.max(this.settleMs, 2 * (await this.slowestCreateMs()));
  }

  private async recordCreateTime(ms: number): Promise<void> {
    if (ms > (await this.slowestCreateMs()))
      await writeFileDurable(join(this.dir, TIMINGS), JSON.stringify({ slowestCreateMs: Math.round(ms) }));
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
        const existing = await connector.findByKey(item.key, {
          signal,
          timeoutMs: this.requestTimeoutMs,
          transport: this.transport,
        });
        if (existing) return await sent(existing, true);
      }
      await this.writeState(item.key, {
        ...base,
        status: 'sending',
        attempts: base.attempts + 1,
        lastAttemptAt: now.toISOString(),
        lastAttemptUptimeMs: this.uptimeMs(),
      });
      emit({ type: 'sending', key: item.key, attempt: base.attempts + 1 });
      const started = performance.now();
      const receipt = await connector.create(item.submission, {
        signal,
        timeoutMs: this.createTimeoutMs,
        transport: this.transport,
      });
      await this.recordCreateTime(performance.now() - started).catch(() => undefined);
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
      // Once unknown, stays unknown until a lookup settles it.
      const outcomeUnknown =
        base.outcomeUnknown || base.status === 'sending' || MAY_HAVE_ARRIVED.has(failure.kind);
      const attempt = { attempts, lastAttemptAt: now.toISOString(), lastAttemptUptimeMs: this.uptimeMs() };
      if (failure.permanent) {
        const state: OutboxState = {
          ...base,
          ...attempt,
          status: 'failed',
          nextAttemptAt: null,
          outcomeUnknown,
          lastError: { kind: failure.kind, message: failure.message },
        };
        await this.writeState(item.key, state);
        emit({ type: 'failed', key: item.key, message: failure.message });
        return state;
      }
      const waitMs = Math.max(
        backoffMs(attempts, this.retry, failure.options.retryAfterMs),
        outcomeUnknown ? await this.settleTime() : 0,
      );
      const at = new Date(this.now().getTime() + waitMs).toISOString();
      const state: OutboxState = {
        ...base,
        ...attempt,
        status: 'queued',
        nextAttemptAt: at,
        outcomeUnknown,
        lastError: { kind: failure.kind, message: failure.message },
      };
      await this.writeState(item.key, state);
      emit({ type: 'retry-later', key: item.key, at, message: failure.message });
      return state;
    }
  }

  /** Removes items: by key (also a damaged one), or all sent and failed ones. Returns the keys removed. */
  async purge(options: { key?: string; includePending?: boolean } = {}): Promise<string[]> {
    const unlock = await this.lock(0);
    try {
      const removed: string[] = [];
      const { items, damaged } = await this.scan();
      for (const item of items) {
        if (options.key && item.key !== options.key) continue;
        const pending = item.state.status === 'queued' || item.state.status === 'sending';
        if (pending && !options.includePending && !options.key) continue;
        await rm(this.itemDir(item.key), { recursive: true, force: true });
        removed.push(item.key);
      }
      for (const item of damaged) {
        if (options.key ? item.key !== options.key : !options.includePending) continue;
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
   * Finds damaged items. With `quarantine`, repairs those whose report is intact (only state.json
   * was lost: it is rebuilt as "outcome unknown", so the helpdesk is asked before anything is sent
   * again) and moves the rest to `<outbox>/.quarantine/`, where IT can look at them.
   */
  async check(
    options: { quarantine?: boolean } = {},
  ): Promise<{ damaged: DamagedItem[]; repaired: string[]; quarantined: { key: string; path: string }[] }> {
    const unlock = await this.lock(0);
    try {
      const { damaged } = await this.scan();
      const repaired: string[] = [];
      const quarantined: { key: string; path: string }[] = [];
      if (!options.quarantine) return { damaged, repaired, quarantined };
      for (const item of damaged) {
        if (item.repairable) {
          const submission = await this.readJson(
            join(this.itemDir(item.key), 'submission.json'),
            submissionSchema,
          );
          if (typeof submission !== 'string') {
            const now = this.now().toISOString();
            await this.writeState(item.key, {
              status: 'queued',
              attempts: 0,
              createdAt: submission.createdAt,
              lastAttemptAt: now,
              lastAttemptUptimeMs: this.uptimeMs(),
              nextAttemptAt: now,
              outcomeUnknown: true,
              lastError: null,
              receipt: null,
              sentAt: null,
            });
            repaired.push(item.key);
            continue;
          }
        }
        const path = join(this.dir, QUARANTINE, `${item.key}-${Date.now()}`);
        await mkdir(join(this.dir, QUARANTINE), { recursive: true, mode: 0o700 });
        await rename(this.itemDir(item.key), path);
        quarantined.push({ key: item.key, path });
      }
      await syncDir(this.dir).catch(() => undefined);
      return { damaged, repaired, quarantined };
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
