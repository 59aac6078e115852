/**
 * Sends queued reports by themselves while the app runs, so "Triage sends it when the connection
 * works" is true.
 *
 * A pass runs at start, when the network comes back, when the computer wakes from sleep (these three
 * send every waiting report at once, whatever its back-off says: the network has likely just come
 * back) and when the timer fires (it sends what is due). The timer aims at the earliest
 * `nextAttemptAt` of the waiting reports, bounded on both sides: never sooner than `minDelayMs`, so a
 * report that stays due cannot spin the CPU, and never later than `maxDelayMs`, so a clock set back,
 * a report another process queued into the same outbox or a lost wake-up event cannot stall sending
 * for longer than that.
 *
 * One send at a time in this process: every send the app makes (this scheduler's, the "Send"
 * button's, "Try sending now") goes through `run`. Another process sending the same outbox
 * (`triage outbox retry`) makes the outbox answer 'busy': the pass is tried again `busyDelayMs` later.
 *
 * Plain Node: the Electron corner only forwards its events (powerMonitor 'resume', net.isOnline()).
 */
import type { Logger } from '../../probes/types';
import { OutboxError, type Outbox, type OutboxEvent, type OutboxItem } from '../tickets/outbox';
import type { Connector, TicketReceipt } from '../tickets/types';

export interface AutoSendTiming {
  /** The timer never fires sooner than this after a pass… */
  readonly minDelayMs: number;
  /** …nor later, whatever the queued reports say. */
  readonly maxDelayMs: number;
  /** After 'busy' (another process is sending) or an error, the next pass is this much later. */
  readonly busyDelayMs: number;
  /** A report held back to let an earlier attempt settle is looked at again this much later. */
  readonly settlingDelayMs: number;
  /** How long `stop` waits for a send in flight to end after aborting it. */
  readonly stopTimeoutMs: number;
}

export const DEFAULT_AUTO_SEND_TIMING: AutoSendTiming = {
  minDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
  busyDelayMs: 30_000,
  settlingDelayMs: 30_000,
  stopTimeoutMs: 5_000,
};

/** Why a pass runs: 'timer' sends what is due, the others every waiting report. */
export type WakeReason = 'start' | 'timer' | 'online' | 'resume';

export interface SentNotice {
  readonly key: string;
  readonly subject: string;
  readonly receipt: TicketReceipt;
}

export interface AutoSendOptions {
  readonly outbox: Pick<Outbox, 'list' | 'send'>;
  readonly connector: Connector;
  /** After each pass that changed something (the app tells its window). */
  readonly onChanged?: () => Promise<void> | void;
  /** A report a pass sent (the app tells the user its ticket number). */
  readonly onSent?: (notice: SentNotice) => void;
  readonly log: Logger;
  readonly timing?: Partial<AutoSendTiming>;
}

/** What `run` returns when the send could not start within its wait. */
export const BUSY = Symbol('busy');

export interface AutoSender {
  /** The first pass; then the timer keeps going until `stop`. */
  start(): void;
  /** Runs a pass soon (after the one in flight, if any). */
  wake(reason: WakeReason): void;
  /** What the OS says about the network; a change to online wakes a pass. */
  networkChanged(online: boolean): void;
  /**
   * Runs `send` when no other send of this process runs, then re-aims the timer. With `waitMs`,
   * gives up (returning BUSY) if the send in flight does not end within that time.
   */
  run<T>(send: () => Promise<T>, options?: { readonly waitMs?: number }): Promise<T | typeof BUSY>;
  /** Clears the timer, aborts a send in flight and waits (bounded) for it to end. */
  stop(): Promise<void>;
  /** When the timer fires next (ms since the epoch), or null when none is set. */
  nextWakeAt(): number | null;
  /** Resolves once no pass is running or asked for (tests). */
  idle(): Promise<void>;
}

const waiting = (item: OutboxItem): boolean =>
  item.state.status === 'queued' || item.state.status === 'sending';

export function createAutoSender(options: AutoSendOptions): AutoSender {
  const timing = { ...DEFAULT_AUTO_SEND_TIMING, ...options.timing };
  const { outbox, connector, log } = options;
  const abort = new AbortController();
  const state = { stopped: false, started: false, online: null as boolean | null };
  let timer: NodeJS.Timeout | null = null;
  let wakeAt: number | null = null;
  /** The sends of this process, one after the other. */
  let tail: Promise<unknown> = Promise.resolve();
  /** The pass running now, and the reason for one more after it. */
  let pass: Promise<void> | null = null;
  let again: WakeReason | null = null;
  /** Sooner than the reports' own times: after 'busy', an error, or a report still settling. */
  let retryAt: number | null = null;
  /** The reason of a pass that could not run ('busy', an error): the retry runs with it. */
  let unfinished: WakeReason | null = null;

  const clearTimer = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    wakeAt = null;
  };

  const aim = async (): Promise<void> => {
    if (state.stopped) return;
    const items = await outbox.list().catch((error: unknown) => {
      log.warn('The outbox could not be read to plan the next send', { error: String(error) });
      return [];
    });
    const at = Date.now();
    let target = retryAt ?? at + timing.maxDelayMs;
    for (const item of items.filter(waiting))
      target = Math.min(target, Date.parse(item.state.nextAttemptAt ?? '') || at);
    const delay = Math.min(timing.maxDelayMs, Math.max(timing.minDelayMs, target - at));
    // `stop` may have run while the outbox was read (the rule cannot see across the await).
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (state.stopped) return;
    clearTimer();
    wakeAt = at + delay;
    timer = setTimeout(() => {
      timer = null;
      wakeAt = null;
      wake(unfinished ?? 'timer');
    }, delay);
    // The app stays up for its tray; tests and the CLI must not be held open by this.
    timer.unref();
  };

  const run = async <T>(send: () => Promise<T>, runOptions: { readonly waitMs?: number } = {}) => {
    const before = tail.catch(() => undefined);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    tail = before.then(() => mine);
    let waitTimer: NodeJS.Timeout | undefined;
    const got = await Promise.race([
      before.then(() => true),
      ...(runOptions.waitMs === undefined
        ? []
        : [
            new Promise<boolean>(
              (resolve) => (waitTimer = setTimeout(() => resolve(false), runOptions.waitMs)),
            ),
          ]),
    ]);
    clearTimeout(waitTimer);
    if (!got) {
      // Our place in the line passes on as soon as the send ahead ends.
      void before.then(release);
      return BUSY;
    }
    try {
      return await send();
    } finally {
      release();
      await aim();
    }
  };

  const sendWaiting = async (reason: WakeReason): Promise<void> => {
    retryAt = null;
    unfinished = null;
    const items = (await outbox.list()).filter(waiting);
    if (items.length === 0) return;
    const subjects = new Map(items.map((item) => [item.key, item.submission.subject]));
    const onEvent = (event: OutboxEvent): void => {
      if (event.type !== 'sent') return;
      log.info('A queued report was sent', { key: event.key, ticket: event.receipt.id, reason });
      options.onSent?.({ key: event.key, subject: subjects.get(event.key) ?? '', receipt: event.receipt });
    };
    const results = await outbox.send(connector, {
      pick: reason === 'timer' ? 'due' : 'waiting',
      signal: abort.signal,
      onEvent,
    });
    if (results.some((r) => r.error?.kind === 'settling')) retryAt = Date.now() + timing.settlingDelayMs;
    if (results.some((r) => r.error?.kind !== 'settling')) await options.onChanged?.();
  };

  const runPass = (reason: WakeReason): Promise<unknown> =>
    run(async () => {
      try {
        await sendWaiting(reason);
      } catch (error) {
        retryAt = Date.now() + timing.busyDelayMs;
        unfinished = reason === 'timer' ? unfinished : reason;
        if (error instanceof OutboxError && error.code === 'busy')
          log.info('Another Triage process is sending the outbox; trying again later', { reason });
        else
          log.error('Sending queued reports failed; trying again later', {
            reason,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          });
      }
    });

  function wake(reason: WakeReason): void {
    if (state.stopped) return;
    if (pass) {
      // A wake-up while a pass runs asks for one more; a network one outranks the timer's.
      again = again === null || again === 'timer' ? reason : again;
      return;
    }
    pass = (async () => {
      for (let next: WakeReason | null = reason; next !== null && !state.stopped; next = again) {
        again = null;
        await runPass(next);
      }
    })().finally(() => {
      pass = null;
    });
  }

  return {
    start() {
      if (state.started || state.stopped) return;
      state.started = true;
      wake('start');
    },
    wake,
    networkChanged(online) {
      const was = state.online;
      state.online = online;
      if (online && was === false) wake('online');
    },
    run,
    async stop() {
      if (state.stopped) return;
      state.stopped = true;
      clearTimer();
      abort.abort();
      let stopTimer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([pass, tail]).catch(() => undefined),
        new Promise((resolve) => (stopTimer = setTimeout(resolve, timing.stopTimeoutMs))),
      ]);
      clearTimeout(stopTimer);
    },
    nextWakeAt: () => wakeAt,
    async idle() {
      while (pass) await pass;
      await tail.catch(() => undefined);
    },
  };
}
