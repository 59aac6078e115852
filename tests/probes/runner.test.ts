/**
 * The runner: parallel, bounded, never throws, one envelope per probe.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBE_CONFIG } from '../../probes/config';
import { ProbeError } from '../../probes/errors';
import { runProbes, type RunOptions } from '../../probes/runner';
import { createSystemContext } from '../../probes/system/context';
import {
  defineProbe,
  type Collector,
  type Platform,
  type Probe,
  type ProgressEvent,
} from '../../probes/types';
import { createFixtureContext, silentLogger } from '../support/fixtures';

const probe = (
  id: `hardware.${string}`,
  collect: Collector<{ value: number }>,
  platforms: Platform[] = ['linux'],
  timeoutMs = 2_000,
): Probe =>
  defineProbe<{ value: number }>({
    descriptor: {
      id,
      title: `Test ${id}`,
      description: 'A probe made for the runner tests.',
      platforms,
      timeoutMs,
      fields: { value: { type: 'integer', description: 'A number.' } },
    },
    collectors: Object.fromEntries(platforms.map((p) => [p, collect])),
  });

const options = (probes: Probe[], extra: Partial<RunOptions> = {}): RunOptions => ({
  platform: 'linux',
  probes,
  config: DEFAULT_PROBE_CONFIG,
  log: silentLogger,
  createContext: ({ signal }) => createFixtureContext('linux', [], { signal }),
  ...extra,
});

describe('the runner', () => {
  it('runs probes at the same time (each waits until all have started)', async () => {
    let started = 0;
    const all = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (started === 3) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    const waiter: Collector<{ value: number }> = async () => {
      started += 1;
      await all;
      return { data: { value: 1 } };
    };
    const result = await runProbes(
      options([
        probe('hardware.a', waiter, ['linux'], 1_000),
        probe('hardware.b', waiter, ['linux'], 1_000),
        probe('hardware.c', waiter, ['linux'], 1_000),
      ]),
    );
    expect(result.probes.map((p) => p.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('ends a probe at its budget, aborts its signal, and says so', async () => {
    let aborted = false;
    const stuck = probe(
      'hardware.stuck',
      (ctx) => new Promise(() => ctx.signal.addEventListener('abort', () => (aborted = true))),
      ['linux'],
      150,
    );
    const quick = probe('hardware.quick', async () => ({ data: { value: 2 } }));
    const result = await runProbes(options([stuck, quick]));
    expect(result.probes[0]).toMatchObject({
      id: 'hardware.stuck',
      status: 'timeout',
      data: null,
      error: { code: 'timeout' },
    });
    expect(result.probes[0]?.error?.message).toContain('150 ms');
    expect(aborted).toBe(true);
    expect(result.probes[1]).toMatchObject({ status: 'ok', data: { value: 2 } });
  });

  it('marks probes without a collector for this OS unsupported, naming where they run', async () => {
    const result = await runProbes(
      options([probe('hardware.winonly', async () => ({ data: { value: 1 } }), ['win32'])]),
    );
    expect(result.probes[0]).toMatchObject({
      status: 'unsupported',
      error: { code: 'unsupported', message: expect.stringContaining('Windows only') },
    });
  });

  it('turns expected failures into their code and bugs into internal, logging the bug', async () => {
    const errors: string[] = [];
    const log = { ...silentLogger, error: (message: string) => errors.push(message) };
    const result = await runProbes(
      options(
        [
          probe('hardware.denied', async () => {
            throw new ProbeError('permission-denied', 'needs admin');
          }),
          probe('hardware.bug', async () => {
            throw new TypeError('x is undefined');
          }),
        ],
        { log },
      ),
    );
    expect(result.probes[0]).toMatchObject({
      status: 'error',
      error: { code: 'permission-denied', message: 'needs admin' },
    });
    expect(result.probes[1]).toMatchObject({ status: 'error', error: { code: 'internal' } });
    expect(errors).toEqual(['Bug in probe hardware.bug']);
  });

  it('reports gaps as partial, with the data it has', async () => {
    const result = await runProbes(
      options([
        probe('hardware.part', async () => ({
          data: { value: 3 },
          gaps: [{ part: 'smart', code: 'permission-denied', message: 'needs admin' }],
        })),
      ]),
    );
    expect(result.probes[0]).toMatchObject({
      status: 'partial',
      data: { value: 3 },
      gaps: [{ part: 'smart' }],
    });
  });

  it('cancels every probe when the run is cancelled', async () => {
    const controller = new AbortController();
    const forever = probe(
      'hardware.forever',
      (ctx) =>
        new Promise((_, reject) =>
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason as Error)),
        ),
      ['linux'],
      10_000,
    );
    setTimeout(() => controller.abort(), 50);
    const result = await runProbes(options([forever], { signal: controller.signal }));
    expect(result.probes[0]).toMatchObject({ status: 'error', error: { code: 'cancelled' } });
  });

  it('reports progress in order and survives a listener that throws', async () => {
    const events: ProgressEvent['type'][] = [];
    const result = await runProbes(
      options(
        [
          probe('hardware.a', async () => ({ data: { value: 1 } })),
          probe('hardware.b', async () => ({ data: { value: 1 } })),
        ],
        {
          onProgress: (event) => {
            events.push(event.type);
            throw new Error('listener bug');
          },
        },
      ),
    );
    expect(result.probes).toHaveLength(2);
    expect(events[0]).toBe('run-started');
    expect(events.at(-1)).toBe('run-finished');
    expect(events.filter((e) => e === 'probe-finished')).toHaveLength(2);
  });

  it('kills the whole process tree of a command when the probe runs out of budget', async () => {
    // A real shell with two grandchildren, both of which must be gone after the budget.
    const marker = `${process.pid}${Date.now()}`.slice(-6);
    const tree = probe(
      'hardware.tree',
      async (ctx) => {
        await ctx.exec('bash', ['-c', `sleep 61.${marker} & sleep 62.${marker}; wait`], {
          timeoutMs: 60_000,
        });
        return { data: { value: 0 } };
      },
      ['linux'],
      300,
    );
    const result = await runProbes(
      options([tree], {
        createContext: ({ signal, record }) =>
          createSystemContext({
            platform: 'linux',
            signal,
            config: DEFAULT_PROBE_CONFIG,
            log: silentLogger,
            commandTimeoutMs: 60_000,
            record,
          }),
      }),
    );
    expect(result.probes[0]).toMatchObject({ status: 'timeout' });
    expect(result.probes[0]?.operations[0]).toMatchObject({ kind: 'exec', target: 'bash', error: 'timeout' });
    await new Promise((r) => setTimeout(r, 200));
    const ps = await import('node:child_process').then((cp) =>
      cp.spawnSync('pgrep', ['-f', `sleep 6[12].${marker}`], { encoding: 'utf8' }),
    );
    expect(ps.stdout.trim()).toBe('');
  });
});
