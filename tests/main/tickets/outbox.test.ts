/**
 * The outbox: durable before sending, retries with backoff, permanent errors stop, no duplicates
 * after a lost answer or a crash mid-send, one sender at a time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backoffMs, keyForBundle, Outbox, OutboxError, type OutboxEvent } from '../../../main/tickets/outbox';
import {
  ConnectorError,
  type Connector,
  type TicketReceipt,
  type TicketSubmission,
} from '../../../main/tickets/types';

/** A helpdesk in memory whose next answers the test scripts. */
function fakeConnector(script: (ConnectorError | 'ok' | 'ok-but-lost' | 'ok-but-502')[] = []) {
  const tickets = new Map<string, TicketReceipt>();
  const calls: string[] = [];
  const connector: Connector = {
    kind: 'fake',
    destination: 'the fake helpdesk',
    async create(submission: TicketSubmission) {
      calls.push(`create ${submission.idempotencyKey}`);
      const step = script.shift() ?? 'ok';
      if (step instanceof ConnectorError) throw step;
      const receipt = { id: String(tickets.size + 1), url: `https://helpdesk.example/${tickets.size + 1}` };
      tickets.set(submission.idempotencyKey, receipt);
      if (step === 'ok-but-lost')
        throw new ConnectorError('unknown-outcome', 'The connection dropped after the request was sent.');
      if (step === 'ok-but-502')
        throw new ConnectorError('server', 'The helpdesk had a problem (HTTP 502).', { status: 502 });
      return receipt;
    },
    async findByKey(key: string) {
      calls.push(`find ${key}`);
      return tickets.get(key) ?? null;
    },
  };
  return { connector, tickets, calls };
}

function setup(now = new Date('2026-11-24T10:00:00Z'), settleMs = 60_000) {
  const dir = mkdtempSync(join(tmpdir(), 'triage-outbox-'));
  const bundlePath = join(dir, 'b.zip');
  writeFileSync(bundlePath, Buffer.from('PK fake bundle bytes'));
  // Two clocks, as on a real machine: the wall clock (which people and NTP set) and the uptime.
  let clock = now.getTime();
  let uptime = 5_000_000;
  const outbox = new Outbox(join(dir, 'outbox'), {
    now: () => new Date(clock),
    uptimeMs: () => uptime,
    settleMs,
    retry: { baseMs: 30_000, maxMs: 3_600_000, random: () => 0 },
  });
  const enqueue = (key?: string) =>
    outbox.enqueue({
      subject: 'S',
      description: 'D',
      requester: null,
      category: 'other',
      priority: 'normal',
      bundlePath,
      bundleFileName: 'triage-pc-1.zip',
      ...(key ? { key } : {}),
    });
  return {
    dir,
    outbox,
    enqueue,
    bundlePath,
    /** Time passes. */
    advance: (ms: number) => {
      clock += ms;
      uptime += ms;
    },
    /** Someone sets the wall clock; time does not pass. */
    setClock: (ms: number) => (clock += ms),
    /** The machine restarts: the uptime starts again. */
    reboot: (newUptime: number) => (uptime = newUptime),
  };
}

describe('queueing', () => {
  it('writes the item completely before anything is sent', async () => {
    const { outbox, enqueue } = setup();
    const key = await enqueue();
    const [item] = await outbox.list();
    expect(item).toMatchObject({
      key,
      state: { status: 'queued', attempts: 0 },
      submission: { idempotencyKey: key, bundle: { fileName: 'triage-pc-1.zip', bytes: 20 } },
    });
    expect(item?.submission.bundle.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(join(outbox.dir, key)).sort()).toEqual([
      'bundle.zip',
      'state.json',
      'submission.json',
    ]);
  });

  it('refuses to queue past its limits, saying where the report is', async () => {
    const { dir, enqueue, bundlePath } = setup();
    const small = new Outbox(join(dir, 'outbox'), { limits: { maxAgeDays: 14, maxItems: 1, maxBytes: 1e9 } });
    await enqueue();
    const error = await small
      .enqueue({
        subject: 'S',
        description: 'D',
        requester: null,
        category: 'other',
        priority: 'low',
        bundlePath,
        bundleFileName: 'x.zip',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboxError);
    expect((error as OutboxError).message).toMatch(/outbox is full \(1 reports/);
    expect((error as OutboxError).message).toContain(bundlePath);
  });

  it('says when the bundle to queue does not exist', async () => {
    const { outbox } = setup();
    await expect(
      outbox.enqueue({
        subject: 'S',
        description: 'D',
        requester: null,
        category: 'other',
        priority: 'low',
        bundlePath: '/nope.zip',
        bundleFileName: 'x.zip',
      }),
    ).rejects.toMatchObject({ code: 'missing-bundle' });
  });
});

describe('sending', () => {
  it('sends and records the ticket', async () => {
    const { outbox, enqueue } = setup();
    const key = await enqueue();
    const { connector } = fakeConnector();
    const events: OutboxEvent['type'][] = [];
    const [result] = await outbox.send(connector, { onEvent: (e) => events.push(e.type) });
    expect(result).toMatchObject({
      key,
      status: 'sent',
      receipt: { id: '1', url: 'https://helpdesk.example/1', connector: 'fake', deduplicated: false },
    });
    expect(events).toEqual(['sending', 'sent']);
    expect(await outbox.send(connector)).toEqual([]); // nothing left to send
  });

  it('retries transient failures later, with backoff, and honours Retry-After', async () => {
    const { outbox, enqueue, advance } = setup();
    await enqueue();
    const { connector } = fakeConnector([
      new ConnectorError('network', 'offline'),
      new ConnectorError('rate-limited', 'slow down', { retryAfterMs: 600_000 }),
    ]);
    const [first] = await outbox.send(connector);
    expect(first?.status).toBe('queued');
    const item = (await outbox.list())[0];
    expect(item?.state.nextAttemptAt).toBe('2026-11-24T10:00:15.000Z'); // 30 s with the maximum jitter taken off
    expect(await outbox.send(connector)).toEqual([]); // not due yet
    advance(15_000);
    const [second] = await outbox.send(connector);
    expect(second?.error).toMatchObject({ kind: 'rate-limited' });
    expect((await outbox.list())[0]?.state.nextAttemptAt).toBe('2026-11-24T10:10:15.000Z');
    advance(600_000);
    expect((await outbox.send(connector))[0]?.status).toBe('sent');
  });

  it('stops on a permanent error with a message for IT, until forced', async () => {
    const { outbox, enqueue } = setup();
    await enqueue();
    const { connector } = fakeConnector([
      new ConnectorError('auth', 'The helpdesk refused the credential. IT must renew it.'),
    ]);
    const [result] = await outbox.send(connector);
    expect(result).toMatchObject({
      status: 'failed',
      error: { kind: 'auth', message: expect.stringContaining('IT must renew') },
    });
    expect(await outbox.send(connector)).toEqual([]);
    expect((await outbox.send(connector, { pick: 'all' }))[0]?.status).toBe('sent');
  });

  it('looks the ticket up instead of filing it again when the answer was lost', async () => {
    const { outbox, enqueue, advance } = setup();
    const key = await enqueue();
    const { connector, tickets, calls } = fakeConnector(['ok-but-lost']);
    expect((await outbox.send(connector))[0]?.status).toBe('queued');
    advance(60_000);
    const [result] = await outbox.send(connector);
    expect(result).toMatchObject({ status: 'sent', receipt: { id: '1', deduplicated: true } });
    expect(tickets.size).toBe(1);
    expect(calls).toEqual([`create ${key}`, `find ${key}`]);
  });

  it('waits for a lost attempt to settle before looking it up, even when told to retry now', async () => {
    const { outbox, enqueue, advance } = setup();
    const key = await enqueue();
    const { connector, tickets, calls } = fakeConnector(['ok-but-lost']);
    await outbox.send(connector);
    advance(20_000);
    // The helpdesk may still be creating the ticket: a lookup now could miss it and file it twice.
    expect(await outbox.send(connector, { pick: 'all' })).toEqual([
      {
        key,
        status: 'queued',
        receipt: null,
        error: { kind: 'settling', message: expect.stringMatching(/never filed twice/) },
      },
    ]);
    expect(calls).toEqual([`create ${key}`]);
    advance(40_000);
    expect((await outbox.send(connector, { pick: 'all' }))[0]).toMatchObject({
      status: 'sent',
      receipt: { deduplicated: true },
    });
    expect(tickets.size).toBe(1);
  });

  it('looks up first after a crash in the middle of sending', async () => {
    const { outbox, enqueue } = setup();
    const key = await enqueue();
    // The process died after marking the item `sending` (and perhaps after the helpdesk got it).
    const item = await outbox.read(key);
    writeFileSync(
      join(outbox.dir, key, 'state.json'),
      JSON.stringify({ ...item.state, status: 'sending', attempts: 1 }),
    );
    const { connector, tickets, calls } = fakeConnector();
    tickets.set(key, { id: '77', url: null });
    expect((await outbox.send(connector))[0]).toMatchObject({
      status: 'sent',
      receipt: { id: '77', deduplicated: true },
    });
    expect(calls).toEqual([`find ${key}`]);
  });

  it('gives up on reports older than the limit, and on damaged bundles', async () => {
    const { outbox, enqueue, advance } = setup();
    const old = await enqueue();
    advance(15 * 86_400_000);
    const damaged = await enqueue();
    writeFileSync(join(outbox.dir, damaged, 'bundle.zip'), 'tampered');
    const results = await outbox.send(fakeConnector().connector);
    expect(results.find((r) => r.key === old)).toMatchObject({
      status: 'failed',
      error: { kind: 'expired' },
    });
    expect(results.find((r) => r.key === damaged)).toMatchObject({
      status: 'failed',
      error: { kind: 'damaged' },
    });
  });
});

describe('one sender at a time', () => {
  it('refuses a second sender while the first is at work', async () => {
    const { outbox, enqueue } = setup();
    await enqueue();
    let release: () => void = () => undefined;
    const slow: Connector = {
      ...fakeConnector().connector,
      create: () => new Promise((resolve) => (release = () => resolve({ id: '1', url: null }))),
    };
    const first = outbox.send(slow);
    await new Promise((r) => setTimeout(r, 50));
    await expect(outbox.send(slow)).rejects.toMatchObject({ code: 'busy' });
    release();
    expect((await first)[0]?.status).toBe('sent');
  });

  it('is not blocked by a lock file a dead process left, nor by the PID written in it', async () => {
    const { outbox, enqueue } = setup();
    await enqueue();
    // The PID of a live, unrelated process (this one's parent): a PID lock would wait for it forever.
    writeFileSync(join(outbox.dir, '.lock'), String(process.ppid));
    expect((await outbox.send(fakeConnector().connector))[0]?.status).toBe('sent');
  });
});

describe('housekeeping', () => {
  it('cleans up old half-queued folders but never a fresh one', async () => {
    const { outbox, enqueue } = setup(new Date());
    await enqueue();
    const stale = join(outbox.dir, '.incoming-00000000-0000-0000-0000-000000000001');
    const fresh = join(outbox.dir, '.incoming-00000000-0000-0000-0000-000000000002');
    mkdirSync(stale);
    mkdirSync(fresh);
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(stale, old, old);
    await outbox.send(fakeConnector().connector);
    expect(readdirSync(outbox.dir)).not.toContain('.incoming-00000000-0000-0000-0000-000000000001');
    expect(readdirSync(outbox.dir)).toContain('.incoming-00000000-0000-0000-0000-000000000002');
  });

  it('purges sent and failed items, keeps pending ones unless asked', async () => {
    const { outbox, enqueue } = setup();
    const sent = await enqueue();
    await outbox.send(fakeConnector().connector);
    const pending = await enqueue();
    expect(await outbox.purge()).toEqual([sent]);
    expect((await outbox.list()).map((i) => i.key)).toEqual([pending]);
    expect(await outbox.purge({ key: pending })).toEqual([pending]);
    await expect(outbox.purge({ key: pending })).rejects.toMatchObject({ code: 'unknown-item' });
  });
});

describe('backoff', () => {
  it('doubles up to the maximum, with jitter of up to half', () => {
    const policy = { baseMs: 1000, maxMs: 10_000, random: () => 1 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, policy))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    expect(backoffMs(1, { ...policy, random: () => 0 })).toBe(500);
    expect(backoffMs(1, policy, 60_000)).toBe(10_000); // Retry-After is capped by the maximum
  });
});

describe('exactly once', () => {
  it('asks the helpdesk first after a 5xx, because the gateway may have answered after the ticket was made', async () => {
    const { outbox, enqueue, advance } = setup();
    const key = await enqueue();
    const { connector, tickets, calls } = fakeConnector(['ok-but-502']);
    expect((await outbox.send(connector))[0]).toMatchObject({ status: 'queued', error: { kind: 'server' } });
    advance(60_000);
    expect((await outbox.send(connector))[0]).toMatchObject({
      status: 'sent',
      receipt: { id: '1', deduplicated: true },
    });
    expect(tickets.size).toBe(1);
    expect(calls).toEqual([`create ${key}`, `find ${key}`]);
  });

  it('does not look up early when the wall clock jumps forward while an answer was lost', async () => {
    const { outbox, enqueue, setClock, advance } = setup();
    const key = await enqueue();
    const { connector, calls } = fakeConnector(['ok-but-lost']);
    await outbox.send(connector);
    setClock(3 * 86_400_000); // NTP corrects a clock that was three days behind
    expect((await outbox.send(connector, { pick: 'all' }))[0]).toMatchObject({ error: { kind: 'settling' } });
    expect(calls).toEqual([`create ${key}`]);
    advance(60_000);
    expect((await outbox.send(connector))[0]).toMatchObject({
      status: 'sent',
      receipt: { deduplicated: true },
    });
  });

  it('is not held back by a wall clock set back a day', async () => {
    const { outbox, enqueue, setClock, advance } = setup();
    await enqueue();
    const { connector } = fakeConnector([new ConnectorError('network', 'offline')]);
    await outbox.send(connector);
    setClock(-86_400_000);
    advance(15_000);
    expect((await outbox.send(connector))[0]?.status).toBe('sent');
  });

  it('counts a restart as time passed since the lost attempt, without waiting for the old uptime', async () => {
    const { outbox, enqueue, reboot, advance } = setup();
    await enqueue();
    const { connector, tickets } = fakeConnector(['ok-but-lost']);
    await outbox.send(connector);
    advance(30_000);
    reboot(30_000); // up for 30 s again: less than the 60 s settle time
    expect((await outbox.send(connector, { pick: 'all' }))[0]).toMatchObject({ error: { kind: 'settling' } });
    advance(40_000);
    expect((await outbox.send(connector))[0]).toMatchObject({
      status: 'sent',
      receipt: { deduplicated: true },
    });
    expect(tickets.size).toBe(1);
  });

  it('waits longer than the slowest create this helpdesk has answered before looking up', async () => {
    const { outbox, enqueue, advance } = setup(new Date(), 10);
    const fake = fakeConnector(['ok', 'ok-but-lost']);
    const slow: Connector = {
      ...fake.connector,
      create: async (submission, context) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return fake.connector.create(submission, context);
      },
    };
    await enqueue();
    expect((await outbox.send(slow))[0]?.status).toBe('sent'); // took ≥ 300 ms
    const lost = await enqueue('0f0f0f0f-1111-4222-8333-444444444444');
    await outbox.send(slow, { only: lost });
    advance(200); // well past settleMs, but not past twice the 300 ms this helpdesk needed
    expect((await outbox.send(slow, { only: lost, pick: 'all' }))[0]).toMatchObject({
      error: { kind: 'settling' },
    });
    advance(500);
    expect((await outbox.send(slow, { only: lost, pick: 'all' }))[0]).toMatchObject({
      status: 'sent',
      receipt: { deduplicated: true },
    });
    expect(fake.tickets.size).toBe(2);
  });

  it('queues a bundle once under a given key, however often it is submitted', async () => {
    const { outbox, enqueue } = setup();
    const key = keyForBundle('ab'.repeat(32));
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await enqueue(key)).toBe(key);
    expect(await enqueue(key)).toBe(key);
    expect((await outbox.list()).map((i) => i.key)).toEqual([key]);
  });
});

describe('damaged items', () => {
  it('are listed with what is wrong, never stop the others, and can be repaired or moved aside', async () => {
    const { outbox, enqueue, advance } = setup();
    const good = await enqueue();
    const wrongShape = await enqueue();
    const cutOff = await enqueue();
    const empty = await enqueue();
    const noSubmission = await enqueue();
    writeFileSync(join(outbox.dir, wrongShape, 'state.json'), 'null');
    writeFileSync(join(outbox.dir, cutOff, 'state.json'), '{"status":"que');
    writeFileSync(join(outbox.dir, empty, 'state.json'), '');
    rmSync(join(outbox.dir, noSubmission, 'submission.json'));

    const { items, damaged } = await outbox.scan();
    expect(items.map((i) => i.key)).toEqual([good]);
    expect(Object.fromEntries(damaged.map((d) => [d.key, d.problem]))).toEqual({
      [wrongShape]: expect.stringMatching(/^its state\.json: it does not hold what Triage wrote/),
      [cutOff]: 'its state.json: it is not valid JSON (cut off or overwritten).',
      [empty]: 'its state.json: it is empty.',
      [noSubmission]: 'its submission.json: it is missing.',
    });
    const { connector, tickets } = fakeConnector();
    expect((await outbox.send(connector)).map((r) => [r.key, r.status])).toEqual([[good, 'sent']]);
    await expect(outbox.read(empty)).rejects.toMatchObject({
      code: 'damaged',
      message: expect.stringMatching(
        /is damaged: its state\.json: it is empty\. Run "triage outbox check --quarantine" to repair it/,
      ),
    });

    const checked = await outbox.check({ quarantine: true });
    expect(checked.repaired.sort()).toEqual([wrongShape, cutOff, empty].sort());
    expect(checked.quarantined.map((q) => q.key)).toEqual([noSubmission]);
    expect(readdirSync(checked.quarantined[0]?.path ?? '')).toEqual(['bundle.zip', 'state.json']);
    // The repaired reports go out, each asked for at the helpdesk first (their last state is lost).
    advance(60_000);
    const sent = await outbox.send(connector);
    expect(sent.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(tickets.size).toBe(4);
    expect((await outbox.scan()).damaged).toEqual([]);
  });

  it('can be removed by key', async () => {
    const { outbox, enqueue } = setup();
    const key = await enqueue();
    writeFileSync(join(outbox.dir, key, 'submission.json'), '[]');
    expect(await outbox.purge({ key })).toEqual([key]);
    expect(readdirSync(outbox.dir)).not.toContain(key);
  });
});

describe('sending while others queue', () => {
  it('also sends what was queued while it was at work', async () => {
    const { outbox, enqueue } = setup();
    await enqueue();
    let later: string | null = null;
    const fake = fakeConnector();
    const connector: Connector = {
      ...fake.connector,
      create: async (submission, context) => {
        later ??= await enqueue(); // another process queues a report meanwhile
        return fake.connector.create(submission, context);
      },
    };
    const results = await outbox.send(connector);
    expect(results.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(results[1]?.key).toBe(later);
  });

  it('waits for the other sender when asked to, then finds its report sent', async () => {
    const { outbox, enqueue } = setup();
    const key = await enqueue();
    let release: () => void = () => undefined;
    const fake = fakeConnector();
    const slow: Connector = {
      ...fake.connector,
      create: (submission, context) =>
        new Promise((resolve) => (release = () => resolve(fake.connector.create(submission, context)))),
    };
    const first = outbox.send(slow);
    await new Promise((r) => setTimeout(r, 50));
    const second = outbox.send(slow, { only: key, waitForLockMs: 5_000 });
    setTimeout(() => release(), 300);
    expect((await first)[0]?.status).toBe('sent');
    expect(await second).toEqual([]); // nothing left to do: the first sender sent it
    expect((await outbox.read(key)).state.status).toBe('sent');
  });
});

describe('the sender lock', () => {
  // The holder keeps its lock reachable (globalThis.held): an unreachable lock handle may be
  // garbage-collected, closing its file and freeing the lock, which a busy machine did once.
  const holder = (path: string) =>
    spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${join(__dirname, '..', '..', '..', 'main', 'fs-lock.ts')}').then(async (m) => { const t = await (m.default ?? m).tryExclusiveLock(${JSON.stringify(path)}); globalThis.held = t; console.log(t.lock ? 'locked' : 'busy'); setInterval(() => {}, 1000); });`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
  const started = (child: ReturnType<typeof holder>) =>
    new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim()));
      child.once('exit', (code) =>
        reject(new Error(`the lock holder exited (${code}) before saying anything`)),
      );
    });

  it('is held by a live (even stopped) process, and freed by the kernel the moment it is killed', async () => {
    const { outbox, enqueue } = setup();
    await enqueue();
    const child = holder(join(outbox.dir, '.lock'));
    try {
      expect(await started(child)).toBe('locked');
      await expect(outbox.send(fakeConnector().connector)).rejects.toMatchObject({
        code: 'busy',
        message: expect.stringContaining(`(PID ${child.pid})`),
      });
      child.kill('SIGSTOP');
      await expect(outbox.send(fakeConnector().connector)).rejects.toMatchObject({ code: 'busy' });
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      expect((await outbox.send(fakeConnector().connector))[0]?.status).toBe('sent');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('cannot be taken by two processes racing for it', async () => {
    const { outbox } = setup();
    mkdirSync(outbox.dir, { recursive: true });
    const children = Array.from({ length: 6 }, () => holder(join(outbox.dir, '.lock')));
    try {
      const answers = await Promise.all(children.map(started));
      expect(answers.filter((a) => a === 'locked')).toHaveLength(1);
    } finally {
      for (const child of children) child.kill('SIGKILL');
    }
  });
});
