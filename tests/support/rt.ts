/**
 * A real Request Tracker 5 for the connector tests: Debian's package (installed by
 * scripts/install-request-tracker.sh), served by its own rt-server on 127.0.0.1, as www-data, on a
 * FRESH copy of the database for every start, provisioned with a Triage queue, the CorrelationId
 * custom field and a least-privilege user whose token the tests use (scripts/rt-provision.pl).
 *
 * RT reads its site configuration from RT_SITE_CONFIG_DIR when set: each start gets a folder with
 * Debian's drop-ins plus one that points the database at the copy and the URLs at the port.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
  chownSync,
  chmodSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

const RT_SERVER = '/usr/share/request-tracker5/libexec/rt-server';
const DEBIAN_CONFIG_DIR = '/etc/request-tracker5/RT_SiteConfig.d';
const PRISTINE_DB = '/var/lib/dbconfig-common/sqlite3/request-tracker5/rtdb';
const PROVISION = join(__dirname, '..', '..', 'scripts', 'rt-provision.pl');

export interface RequestTracker {
  readonly baseUrl: string;
  readonly token: string;
  readonly queue: string;
  /** A queue the token's user has no rights on. */
  readonly otherQueue: string;
  readonly customField: string;
  /** The database file of this run, for tests that look behind the API. */
  readonly database: string;
  stop(): Promise<void>;
}

export function requestTrackerMissing(): string | null {
  if (process.getuid?.() !== 0) return 'Request Tracker runs as www-data, which needs root to arrange';
  if (!existsSync(RT_SERVER) || !existsSync(PRISTINE_DB))
    return 'Request Tracker is not installed: run `bash scripts/install-request-tracker.sh` (scripts/setup.sh does)';
  return null;
}

function wwwData(): { uid: number; gid: number } {
  const id = (flag: string): number =>
    Number(execFileSync('id', [flag, 'www-data'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function waitForApi(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`rt-server exited (${child.exitCode}) before answering:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/REST/2.0/rt`, { signal: AbortSignal.timeout(2_000) });
      // 401 means the server is up and asks for credentials: ready.
      if (response.status === 401 || response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`rt-server did not answer within 60 s:\n${output()}`);
}

export interface RequestTrackerOptions {
  /** RT's $MaxAttachmentSize with $DropLongAttachments on, as a strict site would set it. */
  readonly maxAttachmentBytes?: number;
}

export async function startRequestTracker(options: RequestTrackerOptions = {}): Promise<RequestTracker> {
  const missing = requestTrackerMissing();
  if (missing) throw new Error(`Cannot start Request Tracker: ${missing}.`);
  const { uid, gid } = wwwData();
  const dir = mkdtempSync(join(tmpdir(), 'triage-rt-'));
  chmodSync(dir, 0o750);
  chownSync(dir, 0, gid);
  const configDir = join(dir, 'config');
  const database = join(dir, 'db', 'rtdb');
  let child: ChildProcess | null = null;
  const stop = async (): Promise<void> => {
    if (child && child.exitCode === null && child.pid) {
      // rt-server forks workers into its process group: end them all.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          try {
            if (child?.pid) process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
          resolve(null);
        }, 5_000);
        child?.once('exit', () => {
          clearTimeout(timer);
          resolve(null);
        });
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const sub of ['config', 'db']) {
      execFileSync('install', ['-d', '-o', String(uid), '-g', String(gid), '-m', '0750', join(dir, sub)]);
    }
    for (const name of readdirSync(DEBIAN_CONFIG_DIR).filter((n) => n.endsWith('.pm')))
      copyFileSync(join(DEBIAN_CONFIG_DIR, name), join(configDir, name));
    copyFileSync(PRISTINE_DB, database);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    writeFileSync(
      join(configDir, '99-this-run.pm'),
      `Set($DatabaseName, '${database}');\nSet($WebDomain, '127.0.0.1');\nSet($WebPort, ${port});\nSet($WebPath, '');\nSet($WebBaseURL, '${baseUrl}');\nSet($MailCommand, 'mbox');\nSet($LogToSTDERR, 'error');\n${options.maxAttachmentBytes ? `Set($MaxAttachmentSize, ${options.maxAttachmentBytes});\nSet($DropLongAttachments, 1);\n` : ''}1;\n`,
    );
    // Debian's RT_SiteConfig.pm is root-only (RT would warn it cannot read it); everything it would
    // hold is in the drop-ins, so this run's RT reads an empty one instead.
    writeFileSync(join(configDir, 'RT_SiteConfig.pm'), '1;\n');
    for (const name of readdirSync(configDir)) chownSync(join(configDir, name), uid, gid);
    chownSync(database, uid, gid);
    const env = {
      ...process.env,
      RT_SITE_CONFIG: join(configDir, 'RT_SiteConfig.pm'),
      RT_SITE_CONFIG_DIR: configDir,
      HOME: dir,
    };
    const provisioned = JSON.parse(
      execFileSync('runuser', ['-u', 'www-data', '--', 'perl', PROVISION], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      }),
    ) as { queue: string; otherQueue: string; customField: string; token: string };

    let output = '';
    child = spawn(
      'runuser',
      [
        '-u',
        'www-data',
        '--',
        RT_SERVER,
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--max-workers',
        '2',
      ],
      { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await waitForApi(baseUrl, child, () => output);
    return {
      baseUrl,
      token: provisioned.token,
      queue: provisioned.queue,
      otherQueue: provisioned.otherQueue,
      customField: provisioned.customField,
      database,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
