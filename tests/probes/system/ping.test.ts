/**
 * The real ping, as the gateway check uses it, inside a throwaway network namespace: loopback
 * answers, and an address on a veth link whose other end is in the same namespace and holds no
 * address never does (a permanent neighbour entry: no ARP either). Nothing leaves the namespace.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBareNamespace, namespaceSupport, type BareNamespace } from '../../support/netns';

const support = namespaceSupport();
const NETWORK = join(__dirname, '..', '..', '..', 'dist', 'probes', 'system', 'network.js');

/** Runs ping through createNetworkOps inside the namespace; aborts after `abortAfterMs` if given. */
const SCRIPT = `
const { execFileSync } = require('node:child_process');
const { createNetworkOps } = require(process.env.NETWORK);
const [host, count, timeoutMs, abortAfterMs] = process.argv.slice(1);
const controller = new AbortController();
if (abortAfterMs) setTimeout(() => controller.abort(), Number(abortAfterMs));
const started = Date.now();
const pings = () => {
  try { return execFileSync('pgrep', ['-f', '^ping .*' + host], { encoding: 'utf8' }).trim().split('\\n').length; }
  catch { return 0; }
};
createNetworkOps(controller.signal).ping(host, { count: Number(count), timeoutMs: Number(timeoutMs) }).then(
  (result) => console.log(JSON.stringify({ result, ms: Date.now() - started })),
  (error) => setTimeout(() => console.log(JSON.stringify({ error: error.code, ms: Date.now() - started, pingsLeft: pings() })), 300),
);
`;

describe.skipIf(support.skip)('ping', () => {
  let ns: BareNamespace;
  beforeAll(() => {
    ns = createBareNamespace('tp');
    for (const args of [
      ['link', 'add', 'tp0', 'type', 'veth', 'peer', 'name', 'tp1'],
      ['addr', 'add', '10.77.0.1/24', 'dev', 'tp0'],
      ['link', 'set', 'tp0', 'up'],
      ['link', 'set', 'tp1', 'up'],
      ['neigh', 'add', '10.77.0.2', 'lladdr', '02:00:00:00:77:02', 'dev', 'tp0', 'nud', 'permanent'],
      ['neigh', 'add', '10.77.0.3', 'lladdr', '02:00:00:00:77:03', 'dev', 'tp0', 'nud', 'permanent'],
    ])
      expect(ns.run('ip', args).status).toBe(0);
  });
  afterAll(() => ns.remove());

  const run = (...args: string[]): Record<string, unknown> => {
    const out = ns.run(process.execPath, ['-e', SCRIPT, ...args], {
      env: { ...process.env, NETWORK },
      timeoutMs: 30_000,
    });
    expect(out.stderr).toBe('');
    return JSON.parse(out.stdout) as Record<string, unknown>;
  };

  it('counts the echo replies of a host that answers', () => {
    const { result } = run('127.0.0.1', '4', '3000');
    expect(result).toMatchObject({ alive: true, sent: 4, received: 4, lossPercent: 0 });
  });

  it('reports a host that never answers as 100 % loss', () => {
    const { result } = run('10.77.0.2', '3', '3000');
    expect(result).toMatchObject({ alive: false, sent: 3, received: 0, lossPercent: 100 });
  });

  it('stops the ping program itself when the check is stopped', () => {
    // 40 requests 0.2 s apart would take 8 s; the check is stopped after half a second.
    const outcome = run('10.77.0.3', '40', '20000', '500');
    expect(outcome).toMatchObject({ error: 'cancelled', pingsLeft: 0 });
    expect(outcome.ms).toBeLessThan(5_000);
  });
});

it('has no ping left over from these tests', () => {
  expect(spawnSync('pgrep', ['-f', '^ping .*10\\.77\\.0\\.']).status).not.toBe(0);
});
