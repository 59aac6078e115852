/**
 * The network fault lab: a small real network inside Linux network namespaces, where Triage runs as
 * on a user's computer and its diagnosis can be checked.
 *
 *   client ns (tl…c)                       router ns (tl…r)
 *   ┌──────────────────────┐  veth pair   ┌────────────────────────────────────────────────┐
 *   │ triage collect       │──────────────│ 198.51.100.1    gateway (answers ping or not)    │
 *   │ dhclient (real DHCP) │              │ dnsmasq DHCP    198.51.100.100–150               │
 *   │ /etc/netns/…/        │              │ DNS .53 .54     dnsmasq, a lying dnsmasq, or a   │
 *   │   resolv.conf        │              │                 delayed responder, or nothing     │
 *   │   chrony/chrony.conf │              │ NTP .123        SNTP responder (offset or absent) │
 *   └──────────────────────┘              │ NTP .124        fallback SNTP responder           │
 *   loss: nftables on the router         │ 203.0.113.80    web server: check URL or portal   │
 *                                         │ 203.0.113.10    "internet" ping target            │
 *                                         └────────────────────────────────────────────────┘
 *
 * Latency: a third namespace (tl…d) sits in the veth link and holds every frame (servers/delay-bridge.py),
 * because this kernel has no netem; the link stays one Ethernet segment, so DHCP works unchanged.
 *
 * Only documentation ranges inside namespaces we create; nothing leaves the machine. Everything is
 * torn down by stop(), also after a failed start, and cleanupStaleLabs() removes leftovers of a
 * crashed run. Needs root.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProbeConfigInput } from '../../probes/config';
import { runInNamespace, type NamespaceRunOptions, type NamespaceRunResult } from '../support/netns';

export type DnsBehaviour = 'ok' | 'dead' | 'slow' | 'lying';

export interface LabSpec {
  /** on: a DHCP server; off: none (the client falls back to a 169.254 address); expiring: a lease that ends in this many seconds. */
  readonly dhcp: 'on' | 'off' | { readonly expiresInSeconds: number };
  readonly defaultRoute?: boolean;
  readonly gatewayAnswersPing?: boolean;
  /** The servers handed to the client, in order (.53, .54). */
  readonly dns: readonly DnsBehaviour[];
  /** The configured time server's clock offset (ms), or unreachable. */
  readonly ntp: number | 'unreachable';
  readonly web: 'ok' | 'captive';
  readonly proxy?: 'unreachable';
  /** Share of the client's packets the router drops (nftables), as a bad link would. */
  readonly lossPercent?: number;
  /** Round-trip delay added on the link, half each way (by the delay bridge). */
  readonly delayMs?: number;
}

export interface Lab {
  readonly client: string;
  readonly probeConfig: ProbeConfigInput;
  /** Extra environment for programs in the client (proxy variables). */
  readonly env: Readonly<Record<string, string>>;
  exec(file: string, args: readonly string[], options?: NamespaceRunOptions): NamespaceRunResult;
  stop(): void;
}

const PREFIX = 'tl';

/** Why the lab cannot build a spec on this machine (a program it lacks), or null. */
export function labUnavailable(spec: LabSpec): string | null {
  if (!spec.delayMs) return null;
  return spawnSync('python3', ['--version']).status === 0
    ? null
    : 'python3 is not installed, and the delay bridge that adds latency is a Python script (scripts/setup.sh installs it)';
}
const ROUTER_IP = '198.51.100.1';
const DNS_IPS = ['198.51.100.53', '198.51.100.54'];
const NTP_IP = '198.51.100.123';
const NTP_FALLBACK_IP = '198.51.100.124';
const WEB_IP = '203.0.113.80';
const TARGET_IP = '203.0.113.10';
const PROXY = '198.51.100.31:3128';
export const CHECK_BODY = 'Lab Connect Test';
const RECORDS = {
  'www.lab.test': TARGET_IP,
  'check.lab.test': WEB_IP,
  'intranet.corp.lab.test': '198.51.100.20',
};
const SERVERS = join(__dirname, 'servers');

/** The same configuration a deployment would give through policy, pointed at the lab. */
export const LAB_PROBE_CONFIG: ProbeConfigInput = {
  dns: {
    testNames: ['www.lab.test', 'check.lab.test'],
    mustResolve: ['intranet.corp.lab.test'],
    timeoutMs: 2_000,
  },
  ntp: { fallbackServers: [NTP_FALLBACK_IP], timeoutMs: 2_000 },
  connectivity: {
    checkUrl: 'http://check.lab.test/connecttest.txt',
    expectedBody: CHECK_BODY,
    pingTargets: [TARGET_IP],
    timeoutMs: 4_000,
  },
  gateway: { pingCount: 10 },
};

function run(
  file: string,
  args: readonly string[],
  options: { allowFail?: boolean; timeoutMs?: number } = {},
): string {
  const result = spawnSync(file, [...args], { encoding: 'utf8', timeout: options.timeoutMs ?? 30_000 });
  if (!options.allowFail && result.status !== 0)
    throw new Error(
      `${file} ${args.join(' ')} failed (${result.status}): ${result.stderr.trim() || result.error?.message}`,
    );
  return result.stdout;
}

/** A veth pair: end `a` in namespace `aNamespace`, end `b` in `bNamespace`. */
function veth(a: string, aNamespace: string, b: string, bNamespace: string): void {
  run('ip', ['link', 'add', a, 'netns', aNamespace, 'type', 'veth', 'peer', 'name', b, 'netns', bNamespace]);
}

/** Removes namespaces, links, lease files and /etc/netns entries left by labs of processes that died. */
export function cleanupStaleLabs(): void {
  const names = run('ip', ['netns', 'list'], { allowFail: true })
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter((n) => new RegExp(`^${PREFIX}\\d+x\\d+[crd]$`).test(n));
  for (const name of names) {
    const pids = run('ip', ['netns', 'pids', name], { allowFail: true }).split('\n').filter(Boolean);
    for (const pid of pids) spawnSync('kill', ['-9', pid]);
    spawnSync('ip', ['netns', 'del', name]);
    rmSync(`/etc/netns/${name}`, { recursive: true, force: true });
  }
  for (const file of existsSync('/var/lib/dhcp') ? readdirSync('/var/lib/dhcp') : []) {
    if (new RegExp(`^dhclient\\.${PREFIX}\\d+x\\d+b\\.leases$`).test(file))
      rmSync(join('/var/lib/dhcp', file), { force: true });
  }
}

let counter = 0;

/** Waits until a server started in a namespace prints its first line ("ready"), or fails. */
function waitReady(child: ChildProcess, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 10 s`)), 10_000);
    child.stdout?.once('data', () => {
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before it was ready`));
    });
  });
}

function dhcpDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCDay()} ${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

export async function startLab(spec: LabSpec): Promise<Lab> {
  counter += 1;
  const id = `${PREFIX}${process.pid % 100000}x${counter}`;
  const client = `${id}c`;
  const router = `${id}r`;
  const delay = `${id}d`;
  const routerIf = `${id}a`;
  const clientIf = `${id}b`;
  const dir = mkdtempSync(join(tmpdir(), 'triage-lab-'));
  const leaseFile = `/var/lib/dhcp/dhclient.${clientIf}.leases`;
  const children: ChildProcess[] = [];
  const inRouter = (file: string, args: readonly string[]) =>
    run('ip', ['netns', 'exec', router, file, ...args]);
  const inClient = (
    file: string,
    args: readonly string[],
    options: { allowFail?: boolean; timeoutMs?: number } = {},
  ) => run('ip', ['netns', 'exec', client, file, ...args], options);
  const serve = async (
    what: string,
    file: string,
    args: readonly string[],
    namespace = router,
  ): Promise<void> => {
    const child = spawn('ip', ['netns', 'exec', namespace, file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    children.push(child);
    await waitReady(child, what);
  };
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    for (const child of children) {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const ns of [client, router, delay]) {
      for (const pid of run('ip', ['netns', 'pids', ns], { allowFail: true }).split('\n').filter(Boolean))
        spawnSync('kill', ['-9', pid]);
      spawnSync('ip', ['netns', 'del', ns]);
      rmSync(`/etc/netns/${ns}`, { recursive: true, force: true });
    }
    rmSync(leaseFile, { force: true });
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    run('ip', ['netns', 'add', router]);
    run('ip', ['netns', 'add', client]);
    if (spec.delayMs) {
      // client ⇄ (p) delay bridge (q) ⇄ router: two veth pairs, the bridge's ports without addresses.
      const [towardClient, towardRouter] = [`${id}p`, `${id}q`];
      run('ip', ['netns', 'add', delay]);
      veth(clientIf, client, towardClient, delay);
      veth(routerIf, router, towardRouter, delay);
      for (const port of [towardClient, towardRouter])
        run('ip', ['netns', 'exec', delay, 'ip', 'link', 'set', port, 'promisc', 'on', 'up']);
      await serve(
        'delay bridge',
        'python3',
        [join(SERVERS, 'delay-bridge.py'), towardClient, towardRouter, String(spec.delayMs / 2)],
        delay,
      );
    } else {
      veth(routerIf, router, clientIf, client);
    }
    inRouter('ip', ['link', 'set', 'lo', 'up']);
    inClient('ip', ['link', 'set', 'lo', 'up']);
    inRouter('ip', ['addr', 'add', `${ROUTER_IP}/24`, 'dev', routerIf]);
    for (const extra of [...DNS_IPS, NTP_IP, NTP_FALLBACK_IP])
      inRouter('ip', ['addr', 'add', `${extra}/32`, 'dev', routerIf]);
    for (const extra of [WEB_IP, TARGET_IP]) inRouter('ip', ['addr', 'add', `${extra}/32`, 'dev', 'lo']);
    inRouter('ip', ['link', 'set', routerIf, 'up']);
    inClient('ip', ['link', 'set', clientIf, 'up']);

    // The client's own configuration, through the files `ip netns exec` mounts over /etc.
    const etc = `/etc/netns/${client}`;
    mkdirSync(join(etc, 'chrony'), { recursive: true });
    // A managed client's usual resolver settings: give up on a server after 2 s, try each once more.
    writeFileSync(
      join(etc, 'resolv.conf'),
      `${spec.dns.map((_, i) => `nameserver ${DNS_IPS[i]}`).join('\n')}\noptions timeout:2 attempts:2\n`,
    );
    writeFileSync(join(etc, 'chrony', 'chrony.conf'), `server ${NTP_IP} iburst\n`);

    // DNS servers.
    const records = Object.entries(RECORDS);
    for (const [index, behaviour] of spec.dns.entries()) {
      const address = DNS_IPS[index] ?? '';
      if (behaviour === 'dead') continue; // nothing listens: the port is closed
      if (behaviour === 'slow') {
        await serve('slow DNS', process.execPath, [
          join(SERVERS, 'dns.mjs'),
          address,
          '1500',
          ...records.map(([n, a]) => `${n}=${a}`),
        ]);
        continue;
      }
      const lying = behaviour === 'lying' ? ['--local=/corp.lab.test/'] : [];
      const child = spawn(
        'ip',
        [
          'netns',
          'exec',
          router,
          'dnsmasq',
          '--keep-in-foreground',
          '--conf-file=/dev/null',
          '--no-resolv',
          '--no-hosts',
          '--bind-interfaces',
          `--listen-address=${address}`,
          '--port=53',
          `--pid-file=${join(dir, `dns${index}.pid`)}`,
          '--log-facility=-',
          ...records
            .filter(([n]) => !(lying.length && n.endsWith('corp.lab.test')))
            .map(([n, a]) => `--address=/${n}/${a}`),
          ...lying,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
      );
      children.push(child);
      await waitForUdp(router, `src ${address}:53`);
    }

    // Time servers.
    if (spec.ntp !== 'unreachable')
      await serve('time server', process.execPath, [join(SERVERS, 'sntp.mjs'), NTP_IP, String(spec.ntp)]);
    await serve('fallback time server', process.execPath, [join(SERVERS, 'sntp.mjs'), NTP_FALLBACK_IP, '0']);
    await serve('web server', process.execPath, [join(SERVERS, 'http.mjs'), WEB_IP, spec.web, CHECK_BODY]);

    // The client's address.
    if (spec.dhcp === 'on' || spec.dhcp === 'off') {
      if (spec.dhcp === 'on') {
        const options = [
          `--dhcp-option=option:dns-server,${spec.dns.map((_, i) => DNS_IPS[i]).join(',')}`,
          spec.defaultRoute === false
            ? '--dhcp-option=option:router'
            : `--dhcp-option=option:router,${ROUTER_IP}`,
        ];
        const child = spawn(
          'ip',
          [
            'netns',
            'exec',
            router,
            'dnsmasq',
            '--keep-in-foreground',
            '--conf-file=/dev/null',
            '--port=0',
            '--bind-interfaces',
            `--interface=${routerIf}`,
            '--dhcp-range=198.51.100.100,198.51.100.150,255.255.255.0,1h',
            `--dhcp-leasefile=${join(dir, 'dnsmasq.leases')}`,
            `--pid-file=${join(dir, 'dhcp.pid')}`,
            '--log-facility=-',
            ...options,
          ],
          { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
        );
        children.push(child);
        // dhclient must not ask before the server listens: its retries back off for seconds.
        await waitForUdp(router, 'sport = :67');
      }
      // A dhclient script that only sets the address and route: the stock one would rewrite resolv.conf.
      const script = join(dir, 'dhclient-script');
      writeFileSync(
        script,
        '#!/bin/sh\ncase "$reason" in BOUND|RENEW|REBIND|REBOOT)\n  ip addr replace "$new_ip_address/$new_subnet_mask" dev "$interface"\n  [ -n "$new_routers" ] && ip route replace default via "${new_routers%% *}" dev "$interface"\n;; esac\nexit 0\n',
      );
      chmodSync(script, 0o755);
      mkdirSync('/var/lib/dhcp', { recursive: true });
      // Without a server dhclient gives up after -1's single round; it is bounded here.
      const result = spawnSync(
        'ip',
        [
          'netns',
          'exec',
          client,
          'timeout',
          spec.dhcp === 'on' ? '30' : '6',
          'dhclient',
          '-1',
          '-sf',
          script,
          '-lf',
          leaseFile,
          '-pf',
          join(dir, 'dhclient.pid'),
          clientIf,
        ],
        { encoding: 'utf8' },
      );
      if (spec.dhcp === 'on' && result.status !== 0)
        throw new Error(`the lab client got no DHCP lease: ${result.stderr.trim()}`);
      // No answer: the OS gives itself a link-local address, as Windows and avahi-autoipd do.
      if (spec.dhcp === 'off') inClient('ip', ['addr', 'add', '169.254.23.45/16', 'dev', clientIf]);
    } else {
      inClient('ip', ['addr', 'add', '198.51.100.77/24', 'dev', clientIf]);
      if (spec.defaultRoute !== false) inClient('ip', ['route', 'add', 'default', 'via', ROUTER_IP]);
      const expires = new Date(Date.now() + spec.dhcp.expiresInSeconds * 1000);
      mkdirSync('/var/lib/dhcp', { recursive: true });
      writeFileSync(
        leaseFile,
        `lease {\n  interface "${clientIf}";\n  fixed-address 198.51.100.77;\n  option subnet-mask 255.255.255.0;\n  option routers ${ROUTER_IP};\n  option dhcp-lease-time 3600;\n  option dhcp-server-identifier ${ROUTER_IP};\n  renew ${dhcpDate(new Date(expires.getTime() - 1_800_000))};\n  rebind ${dhcpDate(new Date(expires.getTime() - 450_000))};\n  expire ${dhcpDate(expires)};\n}\n`,
      );
    }
    if (spec.gatewayAnswersPing === false)
      inRouter('sysctl', ['-q', '-w', 'net.ipv4.icmp_echo_ignore_all=1']);
    if (spec.lossPercent) {
      // Of everything the client sends the router (pings, DNS, time, web), a fixed share is dropped:
      // evenly spread (every n-th packet) rather than at random, so a short measurement sees the
      // stated loss every time and the test cannot flake.
      const every = Math.max(2, Math.round(100 / spec.lossPercent));
      inRouter('nft', ['add', 'table', 'inet', 'lab']);
      inRouter('nft', ['add', 'chain', 'inet', 'lab', 'loss', '{ type filter hook input priority 0 ; }']);
      inRouter('nft', [
        'add',
        'rule',
        'inet',
        'lab',
        'loss',
        'iifname',
        routerIf,
        'numgen',
        'inc',
        'mod',
        String(every),
        '==',
        '0',
        'drop',
      ]);
    }
    const env: Record<string, string> =
      spec.proxy === 'unreachable'
        ? { https_proxy: `http://${PROXY}`, http_proxy: `http://${PROXY}`, no_proxy: 'localhost,127.0.0.1' }
        : {};
    return {
      client,
      probeConfig: LAB_PROBE_CONFIG,
      env,
      exec: (file, args, options) => runInNamespace(client, file, args, options),
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}

/** dnsmasq prints nothing when ready: poll until a UDP socket matching the `ss` filter listens. */
async function waitForUdp(namespace: string, filter: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const probe = spawnSync('ip', ['netns', 'exec', namespace, 'ss', '-Hlun', filter], { encoding: 'utf8' });
    if (probe.stdout.trim() !== '') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing listens for ${filter} after 10 s`);
}
