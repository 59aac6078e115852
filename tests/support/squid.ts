/**
 * A real squid (Debian's package, installed by scripts/setup.sh) on a loopback port, for the proxy
 * tests: with or without Basic sign-in (squid's own basic_ncsa_auth helper against an htpasswd
 * file), with squid's stock rule that CONNECT goes to port 443 only, unless `connectAnyPort`.
 * Each start gets its own folder, configuration and access log; nothing is cached.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

const SQUID = '/usr/sbin/squid';
const NCSA_AUTH = '/usr/lib/squid/basic_ncsa_auth';

export interface Squid {
  /** host:port of the proxy. */
  readonly hostPort: string;
  /** Lines of squid's access log so far (one per request it handled). */
  accessLog(): string[];
  stop(): Promise<void>;
}

export interface SquidOptions {
  /** Requires Basic sign-in with this user and password. */
  readonly basicAuth?: { readonly user: string; readonly password: string };
  /** Lets CONNECT reach any port (squid's default allows 443 only). */
  readonly connectAnyPort?: boolean;
  /** A port chosen beforehand (freePort), for a proxy that comes up later at a known address. */
  readonly port?: number;
}

export function squidMissing(): string | null {
  if (!existsSync(SQUID) || !existsSync(NCSA_AUTH))
    return 'squid is not installed (scripts/setup.sh installs it)';
  return null;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startSquid(options: SquidOptions = {}): Promise<Squid> {
  const dir = mkdtempSync(join(tmpdir(), 'triage-squid-'));
  const port = options.port ?? (await freePort());
  const lines = [
    `http_port 127.0.0.1:${port}`,
    `pid_filename ${join(dir, 'squid.pid')}`,
    `access_log stdio:${join(dir, 'access.log')}`,
    `cache_log ${join(dir, 'cache.log')}`,
    `coredump_dir ${dir}`,
    'cache deny all',
    'icp_port 0',
    'htcp_port 0',
    'shutdown_lifetime 0 seconds',
    // Loopback only, so squid must not try the machine's DNS for the literal addresses the tests use.
    'dns_nameservers 127.0.0.1',
    'acl SSL_ports port 443',
    'acl CONNECT method CONNECT',
    ...(options.connectAnyPort ? [] : ['http_access deny CONNECT !SSL_ports']),
  ];
  if (options.basicAuth) {
    const hash = execFileSync('openssl', ['passwd', '-apr1', '-stdin'], {
      input: options.basicAuth.password,
      encoding: 'utf8',
    }).trim();
    writeFileSync(join(dir, 'passwd'), `${options.basicAuth.user}:${hash}\n`);
    lines.push(
      `auth_param basic program ${NCSA_AUTH} ${join(dir, 'passwd')}`,
      'auth_param basic realm Triage test proxy',
      'acl signed_in proxy_auth REQUIRED',
      'http_access allow signed_in',
    );
  } else {
    lines.push('acl loopback src 127.0.0.1/32', 'http_access allow loopback');
  }
  lines.push('http_access deny all');
  writeFileSync(join(dir, 'squid.conf'), `${lines.join('\n')}\n`);
  if (process.getuid?.() === 0) {
    // squid drops root for its default user, 'proxy', which must write its logs here.
    const uid = Number(execFileSync('id', ['-u', 'proxy'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'proxy'], { encoding: 'utf8' }).trim());
    for (const name of ['', 'passwd']) if (existsSync(join(dir, name))) chownSync(join(dir, name), uid, gid);
  }

  let output = '';
  const child: ChildProcess = spawn(SQUID, ['-N', '-f', join(dir, 'squid.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (!(await listening(port))) {
    const log = existsSync(join(dir, 'cache.log')) ? readFileSync(join(dir, 'cache.log'), 'utf8') : '';
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`squid did not start on port ${port}:\n${output}\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    hostPort: `127.0.0.1:${port}`,
    accessLog: () => {
      const file = join(dir, 'access.log');
      return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
