/**
 * Automatic sending: queued reports leave with nobody pressing anything — at start, when their
 * back-off ends, when the network comes back — one send at a time in the process, waiting out
 * another process that holds the outbox, and never resending what IT must fix first. A real outbox
 * on disk, a helpdesk in memory, real (short) timers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUSY, createAutoSender, type AutoSender, type SentNotice } from '../../../main/app/auto-send';
import { tryExclusiveLock } from '../../../main/fs-lock';
import { Outbox } from '../../../main/tickets/outbox';
import { ConnectorError, type Connector, type TicketSubmission } from '../../../main/tickets/types';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const FAST = {
  minDelayMs: 20,
  maxDelayMs: 400,
  busyDelayMs: 100,
  settlingDelayMs: 100,
  stopTimeoutMs: 1_000,
};

/** A helpdesk whose next answers the test scripts; afterwards, it works. */
function helpdesk(script: (ConnectorError | 'ok' | 'slow')[] = []) {
  const tickets = new Map<string, string>();
  const calls: string[] = [];
  const connector: Connector = {
    kind: 'fake',
    destination: 'the fake helpdesk',
    async create(submission: TicketSubmission, context) {
      calls.push(`create ${submission.idempotencyKey}`);
      const step = script.shift() ?? 'ok';
      if (step instanceof ConnectorError) throw step;
      if (step === 'slow') await new Promise((resolve) => setTimeout(resolve, 300));
      if (context.signal.aborted) throw new ConnectorError('network', 'cancelled');
      const id = String(tickets.size + 1);
      tickets.set(submission.idempotencyKey, id);
      return { id, url: null };
    },
    async findByKey(key: string) {
      calls.push(`find ${key}`);
      const id = tickets.get(key);
      return id ? { id, url: null } : null;
    },
  };
  return { connector, tickets, calls };
}

const offline = () => new ConnectorError('network', 'The helpdesk could not be reached.');

function setup(retryBaseMs = 3_600_000) {
  const dir = mkdtempSync(join(tmpdir(), 'triage-autosend-'));
  const bundlePath = join(dir, 'b.zip');
  writeFileSync(bundlePath, 'PK bundle');
  const outbox = new Outbox(join(dir, 'outbox'), {
    settleMs: 0,
    retry: { baseMs: retryBaseMs, maxMs: retryBaseMs, random: () => 0 },
  });
  const enqueue = (subject: string, into: Outbox = outbox) =>
    into.enqueue({
      subject,
      description: 'D',
      requester: null,
      category: 'other',
      priority: 'normal',
      bundlePath,
      bundleFileName: 'b.zip',
    });
  return { dir, outbox, enqueue };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const senders: AutoSender[] = [];
afterEach(async () => {
  await Promise.all(senders.splice(0).map((s) => s.stop()));
});

function autoSender(outbox: Outbox, connector: Connector, timing = FAST) {
  const sent: SentNotice[] = [];
  let changes = 0;
  const sender = createAutoSender({
    outbox,
    connector,
    log: quiet,
    timing,
    onSent: (notice) => sent.push(notice),
    onChanged: () => {
      changes += 1;
    },
  });
  senders.push(sender);
  return { sender, sent, changes: () => changes };
}

/** Queues a report whose first attempt failed because the network was down. */
async function queuedOffline(ctx: ReturnType<typeof setup>, subject: string): Promise<string> {
  const key = await ctx.enqueue(subject);
  await ctx.outbox.send(helpdesk([offline()]).connector, { only: key });
  return key;
}

describe('automatic sending', () => {
  it('sends what waits at start, whatever its back-off says, and tells who sent what', async () => {
    const ctx = setup();
    const key = await queuedOffline(ctx, 'Printer offline');
    const { connector, tickets } = helpdesk();
    const { sender, sent, changes } = autoSender(ctx.outbox, connector);
    sender.start();
    await until(() => sent.length === 1);
    expect(sent[0]).toMatchObject({ key, subject: 'Printer offline', receipt: { id: '1' } });
    expect(tickets.size).toBe(1);
    await sender.idle();
    expect(changes(), 'the window is told once the pass is over').toBeGreaterThan(0);
    expect((await ctx.outbox.read(key)).state.status).toBe('sent');
  });

  it('sends a report when its back-off ends, with nobody waking it', async () => {
    const ctx = setup(150);
    const { connector, calls } = helpdesk([offline(), offline()]);
    const { sender, sent } = autoSender(ctx.outbox, connector);
    const key = await ctx.enqueue('VPN drops');
    sender.start();
    await until(() => sent.length === 1);
    expect(calls).toEqual([`create ${key}`, `create ${key}`, `create ${key}`]);
  });

  it('sends at once when the network comes back, not only when the back-off ends', async () => {
    const ctx = setup(); // a back-off of an hour
    const { connector, tickets } = helpdesk([offline()]);
    const { sender, sent } = autoSender(ctx.outbox, connector, { ...FAST, maxDelayMs: 60_000 });
    await ctx.enqueue('No Wi-Fi');
    sender.start();
    await sender.idle();
    expect(tickets.size).toBe(0);
    sender.networkChanged(false);
    sender.networkChanged(true);
    await until(() => sent.length === 1);
    expect(tickets.size).toBe(1);
  });

  it('wakes for resume from sleep the same way', async () => {
    const ctx = setup();
    const { connector } = helpdesk([offline()]);
    const { sender, sent } = autoSender(ctx.outbox, connector, { ...FAST, maxDelayMs: 60_000 });
    await ctx.enqueue('Slow');
    sender.start();
    await sender.idle();
    sender.wake('resume');
    await until(() => sent.length === 1);
  });

  it('never resends a report that failed for good (IT must fix something first)', async () => {
    const ctx = setup();
    const key = await ctx.enqueue('Bad token');
    await ctx.outbox.send(helpdesk([new ConnectorError('auth', 'The token was refused.')]).connector);
    const { connector, calls } = helpdesk();
    const { sender } = autoSender(ctx.outbox, connector);
    sender.start();
    sender.wake('online');
    await sender.idle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sender.idle();
    expect(calls).toEqual([]);
    expect((await ctx.outbox.read(key)).state.status).toBe('failed');
  });

  it('sends a report another process queued into the same outbox, within the longest timer', async () => {
    const ctx = setup(150);
    const { connector } = helpdesk();
    const { sender, sent } = autoSender(ctx.outbox, connector);
    sender.start();
    await sender.idle();
    // `triage submit` run by the user, offline: another Outbox object on the same folder.
    const other = new Outbox(ctx.outbox.dir, { retry: { baseMs: 150, maxMs: 150, random: () => 0 } });
    const key = await ctx.enqueue('From the CLI', other);
    await other.send(helpdesk([offline()]).connector, { only: key });
    await until(() => sent.length === 1, 3_000);
  });

  it('waits out another process that is sending, then sends', async () => {
    const ctx = setup();
    const key = await queuedOffline(ctx, 'Locked');
    const held = await tryExclusiveLock(join(ctx.outbox.dir, '.lock'));
    expect(held.lock).not.toBeNull();
    const { connector } = helpdesk();
    const { sender, sent } = autoSender(ctx.outbox, connector);
    sender.start();
    await sender.idle();
    expect(sent).toEqual([]);
    await held.lock?.release();
    await until(() => sent.length === 1);
    expect(sent[0]?.key).toBe(key);
  });

  it('runs the app’s own sends one after the other with its passes: nobody is told "busy"', async () => {
    const ctx = setup();
    for (const subject of ['a', 'b', 'c']) await queuedOffline(ctx, subject);
    const { connector, tickets, calls } = helpdesk(['slow', 'slow']);
    const { sender } = autoSender(ctx.outbox, connector);
    sender.start();
    const key = await ctx.enqueue('d');
    const mine = await sender.run(() => ctx.outbox.send(connector, { only: key }));
    expect(mine).not.toBe(BUSY);
    await sender.idle();
    expect(tickets.size).toBe(4);
    expect(calls.filter((c) => c.startsWith('create')).length, 'no report created twice').toBe(4);
  });

  it('gives up waiting for a long send when asked to, leaving the report to the pass in flight', async () => {
    const ctx = setup();
    await queuedOffline(ctx, 'first');
    const { connector, tickets } = helpdesk(['slow']);
    const { sender } = autoSender(ctx.outbox, connector);
    sender.start();
    await until(async () => (await ctx.outbox.list()).some((i) => i.state.status === 'sending'));
    const key = await ctx.enqueue('second');
    expect(await sender.run(() => ctx.outbox.send(connector, { only: key }), { waitMs: 10 })).toBe(BUSY);
    await sender.idle();
    await until(() => tickets.has(key));
  });

  it('stops: no timer, no more sends, the send in flight cancelled', async () => {
    const ctx = setup();
    await queuedOffline(ctx, 'x');
    const { connector, tickets } = helpdesk(['slow']);
    const { sender } = autoSender(ctx.outbox, connector);
    sender.start();
    await until(async () => (await ctx.outbox.list()).some((i) => i.state.status === 'sending'));
    await sender.stop();
    expect(sender.nextWakeAt()).toBeNull();
    await ctx.enqueue('after stop');
    sender.wake('online');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(tickets.size).toBe(0);
  });

  it('keeps its timer within its bounds, whatever the reports say', async () => {
    const ctx = setup();
    const { sender } = autoSender(ctx.outbox, helpdesk([offline()]).connector, {
      ...FAST,
      maxDelayMs: 60_000,
    });
    await ctx.enqueue('x');
    sender.start();
    await sender.idle();
    // Back-off of an hour, the longest timer a minute: it looks again within the minute.
    const wakeAt = sender.nextWakeAt() ?? 0;
    expect(wakeAt - Date.now()).toBeLessThanOrEqual(60_000);
    expect(wakeAt - Date.now()).toBeGreaterThan(30_000);
  });
});
