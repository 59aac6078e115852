/**
 * The outbox's promise, proved against a REAL Request Tracker: many reports — half queued by the
 * outbox class, half by `triage submit` processes that are themselves killed and then run again, as
 * a script would after an unclear end — the sending processes killed with SIGKILL (some frozen with
 * SIGSTOP first) at random moments, two or three at once, some with their wall clock days ahead or
 * behind (libfaketime, from Debian), the helpdesk failing, dropping and delaying requests in between
 * (including a gateway answering 502 after RT made the ticket) — and in the end exactly one ticket
 * per report, each with its bundle attached intact. (A create still in flight from a killed sender
 * that lands later than the settle time is the one case no client can rule out; see the README.)
 *
 * Several seeds run in one go (TRIAGE_CHAOS_RUNS, default 3); a failure prints its seed, and
 * TRIAGE_CHAOS_SEED replays exactly that one.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../main/bundle/contents';
import { prepareBundle } from '../../../main/bundle/prepare';
import { writeZipAtomic } from '../../../main/bundle/zip';
import { ticketSqlString } from '../../../main/tickets/connectors/request-tracker';
import { keyForBundle, Outbox, sha256File } from '../../../main/tickets/outbox';
import { seededRandom, startChaosProxy, type ChaosProxy } from '../../support/chaos-proxy';
import { requestTrackerMissing, startRequestTracker, type RequestTracker } from '../../support/rt';
import { sampleReport } from '../../support/sample-report';

const FAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const missing =
  requestTrackerMissing() ??
  (existsSync(FAKETIME) ? null : 'libfaketime is not installed (scripts/setup.sh)');
const CLI = join(__dirname, '..', '..', '..', 'dist', 'main', 'cli', 'triage.js');
const CLASS_REPORTS = 6;
const SUBMITTED_REPORTS = 6;
const CHAOS_ROUNDS = 20;
const SETTLE_MS = 4_000;
/** Wall clocks a sender may see: days ahead or behind, as a wrong RTC or a user changing it would. */
const CLOCKS = ['+2d', '-1d', '+6h', '+0'];
const seeds = process.env.TRIAGE_CHAOS_SEED
  ? [Number(process.env.TRIAGE_CHAOS_SEED)]
  : Array.from({ length: Number(process.env.TRIAGE_CHAOS_RUNS ?? 3) }, () =>
      Math.floor(Math.random() * 2 ** 31),
    );

/**
 * Runs one Triage CLI process, killed with SIGKILL after `killAfterMs` if still running — with
 * `stopFirst`, frozen with SIGSTOP for a while before (a laptop lid closed mid-send). `clock` shifts
 * its wall clock (and only that: uptime and timers stay true).
 */
function runTriage(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { killAfterMs: number | null; stopFirst?: boolean; clock?: string },
): Promise<{ killed: boolean }> {
  const faked =
    options.clock && options.clock !== '+0'
      ? { LD_PRELOAD: FAKETIME, FAKETIME: options.clock, FAKETIME_DONT_FAKE_MONOTONIC: '1' }
      : {};
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...env, ...faked }, stdio: 'ignore' });
    let killed = false;
    const timer =
      options.killAfterMs === null
        ? null
        : setTimeout(() => {
            if (options.stopFirst) child.kill('SIGSTOP');
            setTimeout(
              () => {
                killed = child.kill('SIGKILL');
              },
              options.stopFirst ? 1_500 : 0,
            );
          }, options.killAfterMs);
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
      resolve({ killed });
    });
  });
}

async function rtGet<T>(rt: RequestTracker, path: string): Promise<T> {
  const response = await fetch(`${rt.baseUrl}/REST/2.0/${path}`, {
    headers: { Authorization: `token ${rt.token}` },
  });
  return (await response.json()) as T;
}

describe.skipIf(missing !== null && process.env.CI !== 'true')(
  `the outbox under kill -9, clock jumps and a failing helpdesk${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let rt: RequestTracker;
    beforeAll(async () => {
      rt = await startRequestTracker();
    }, 120_000);
    afterAll(async () => {
      // Unset if beforeAll failed.
      await (rt as RequestTracker | undefined)?.stop();
    });

    it.each(seeds)('loses nothing and files nothing twice (seed %i)', { timeout: 600_000 }, async (seed) => {
      const context = `(seed ${seed}; replay with TRIAGE_CHAOS_SEED=${seed})`;
      const proxy: ChaosProxy = await startChaosProxy(rt.baseUrl, {
        seed,
        faultRate: 0.35,
        opening: ['drop-after', 'pass', 'drop-before', 'error-503', 'slow', '502-after'],
      });
      try {
        const random = seededRandom(seed ^ 0x5eed);
        const marker = `chaos-${seed}`;
        const dir = mkdtempSync(join(tmpdir(), 'triage-chaos-'));
        const state = join(dir, 'state');
        const outbox = new Outbox(join(state, 'outbox'));
        const expected = new Map<string, string>();
        for (let i = 0; i < CLASS_REPORTS; i += 1) {
          // Sizes from a few KB to ~400 KB, so some kills land in the middle of an upload.
          const bytes = randomBytes(4_000 + Math.floor(random() * 400_000));
          const path = join(dir, `report-${i}.zip`);
          writeFileSync(path, bytes);
          const key = await outbox.enqueue({
            subject: `[Triage] ${marker} report ${i}`,
            description: `Report ${i} of the chaos test.`,
            requester: null,
            category: 'other',
            priority: 'normal',
            bundlePath: path,
            bundleFileName: `report-${i}.zip`,
          });
          expected.set(key, createHash('sha256').update(bytes).digest('hex'));
        }
        // Real Triage bundles for `submit`; the outbox key of each is made from its SHA-256.
        const report = await sampleReport('linux');
        const submitted: string[] = [];
        for (let i = 0; i < SUBMITTED_REPORTS; i += 1) {
          const path = join(dir, `submitted-${i}.zip`);
          const problem = {
            category: 'other' as const,
            description: `${marker} submitted report ${i}`,
            contact: null,
          };
          await writeZipAtomic(
            path,
            bundleFiles(prepareBundle({ ...report, problem }, [], { level: 'standard' })),
          );
          const sha256 = await sha256File(path);
          expected.set(keyForBundle(sha256), sha256);
          submitted.push(path);
        }

        const env = {
          ...process.env,
          TRIAGE_STATE_DIR: state,
          TRIAGE_LOG_DIR: join(dir, 'logs'),
          TRIAGE_HELPDESK: JSON.stringify({
            kind: 'request-tracker',
            url: proxy.url,
            queue: rt.queue,
            token: rt.token,
          }),
          // This RT answers within a second (plus the proxy's 1.5 s delays): 4 s is ample for a request
          // in flight to land before anyone looks for it. Real helpdesks get the 2-minute default.
          TRIAGE_OUTBOX_SETTLE_MS: String(SETTLE_MS),
        };

        let kills = 0;
        for (let round = 0; round < CHAOS_ROUNDS; round += 1) {
          // Most senders die young (mid-request); some live long enough to finish a few reports.
          // Every third round two or three race (only one may send; the lock must hold), some are
          // frozen before they die, some see a wall clock days off. In the first rounds a script
          // submits a bundle at the same time, and is killed at random too.
          const senders = round % 3 === 0 ? 2 + Math.floor(random() * 2) : 1;
          const runs = Array.from({ length: senders }, () =>
            runTriage(['outbox', 'retry', '--all'], env, {
              killAfterMs: 150 + Math.floor(random() * 2_500),
              stopFirst: random() < 0.25,
              clock: CLOCKS[Math.floor(random() * CLOCKS.length)],
            }),
          );
          const bundle = submitted[round];
          if (bundle)
            runs.push(
              runTriage(['submit', bundle], env, {
                killAfterMs: random() < 0.7 ? 100 + Math.floor(random() * 3_000) : null,
                clock: CLOCKS[Math.floor(random() * CLOCKS.length)],
              }),
            );
          const ends = await Promise.all(runs);
          kills += ends.filter((end) => end.killed).length;
        }
        // Then the network comes back for good. The script re-runs every submit (it never saw a clean
        // end), and senders run undisturbed until everything is sent.
        proxy.faultRate = 0;
        for (const bundle of submitted) await runTriage(['submit', bundle], env, { killAfterMs: null });
        for (
          let round = 0;
          round < 8 && (await outbox.list()).some((i) => i.state.status !== 'sent');
          round += 1
        ) {
          await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
          await runTriage(['outbox', 'retry', '--all'], env, { killAfterMs: null });
        }

        const faults = new Set(proxy.log.map((entry) => entry.fault));
        expect(kills, `the senders were never killed ${context}`).toBeGreaterThanOrEqual(5);
        expect([...faults].sort(), `every kind of failure happened ${context}`).toEqual([
          '502-after',
          'drop-after',
          'drop-before',
          'error-503',
          'pass',
          'slow',
        ]);

        const items = await outbox.list();
        expect(items.map((i) => i.key).sort(), `every report is in the outbox ${context}`).toEqual(
          [...expected.keys()].sort(),
        );
        expect(
          items.map((i) => i.state.status),
          context,
        ).toEqual(Array(expected.size).fill('sent'));
        for (const [key, sha256] of expected) {
          const query = `Queue = ${ticketSqlString(rt.queue)} AND 'CF.{${rt.customField}}' = ${ticketSqlString(key)}`;
          const found = await rtGet<{ items: { id: string }[] }>(
            rt,
            `tickets?query=${encodeURIComponent(query)}`,
          );
          expect(found.items.length, `tickets for ${key} ${context}`).toBe(1);
          const ticketId = found.items[0]?.id;
          expect(items.find((i) => i.key === key)?.state.receipt?.id, context).toBe(String(ticketId));
          const list = await rtGet<{ items: { id: number; Filename: string }[] }>(
            rt,
            `ticket/${ticketId}/attachments?fields=Filename&per_page=100`,
          );
          const files = list.items.filter((a) => a.Filename);
          expect(files.length, `attachments of ticket ${ticketId} ${context}`).toBe(1);
          const attachment = await rtGet<{ Content: string }>(rt, `attachment/${files[0]?.id}`);
          expect(
            createHash('sha256').update(Buffer.from(attachment.Content, 'base64')).digest('hex'),
            `bundle of ticket ${ticketId} ${context}`,
          ).toBe(sha256);
        }
        const query = `Queue = ${ticketSqlString(rt.queue)} AND Subject LIKE ${ticketSqlString(marker)}`;
        const all = await rtGet<{ count: number }>(
          rt,
          `tickets?query=${encodeURIComponent(query)}&per_page=100`,
        );
        expect(all.count, `tickets of this run in the queue ${context}`).toBe(expected.size);
      } finally {
        await proxy.close();
      }
    });
  },
);
