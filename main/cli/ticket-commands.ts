/**
 * `triage submit` and `triage outbox …`: file a bundle as a ticket, see and manage what waits.
 *
 * Where tickets go: the TRIAGE_HELPDESK environment variable (JSON, for scripts and CI), then
 * `--helpdesk FILE`, then managed policy, then the local folder. A secret written as
 * `credential:NAME` comes from the app's credential store or TRIAGE_CREDENTIAL_NAME (credentials.ts).
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BundleError, readBundle, reportFromBundle } from '../bundle/read';
import { currentScope } from '../log-file';
import { stateDir, untrustedMachineFolder } from '../paths';
import { loadPolicy } from '../policy/load';
import { createConnector, helpdeskSettingsSchema, type HelpdeskSettings } from '../tickets/connectors';
import { CredentialError, resolveProxyWithInstalled, resolveWithInstalled } from '../tickets/credentials';
import { createProxyTransport, readSystemProxy, type ProxyPolicy } from '../tickets/proxy';
import {
  isOutboxKey,
  keyForBundle,
  Outbox,
  OutboxError,
  sha256File,
  type DamagedItem,
  type OutboxEvent,
  type OutboxState,
  type SendResult,
} from '../tickets/outbox';
import { submissionDraft } from '../tickets/submission';
import type { Connector } from '../tickets/types';
import { EXIT, parseCommandLine, RefusedError, UsageError } from './usage';
import { englishCount } from '../../probes/util/message-format';

interface IO {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** Where tickets go, how they get there, and the outbox's limits. */
export interface HelpdeskChoice {
  readonly settings: HelpdeskSettings;
  readonly source: string;
  readonly outboxLimits: ConstructorParameters<typeof Outbox>[1];
  /** The policy's proxy (credentials resolved); null: the environment's, else the system's. */
  readonly proxy: ProxyPolicy | null;
}

export async function helpdeskFrom(
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<HelpdeskChoice> {
  const found = await helpdeskSettingsFrom(file, env);
  try {
    return {
      ...found,
      settings: await resolveWithInstalled(found.settings, env),
      proxy: await resolveProxyWithInstalled(found.proxy, env),
    };
  } catch (error) {
    if (error instanceof CredentialError) throw new UsageError(`${found.source}: ${error.message}`);
    throw error;
  }
}

async function helpdeskSettingsFrom(
  file: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<HelpdeskChoice> {
  const policy = await loadPolicy();
  const parse = (text: string, source: string): HelpdeskSettings => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`${source} is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = helpdeskSettingsSchema.safeParse(json);
    if (!parsed.success)
      throw new UsageError(
        `${source} is not a valid helpdesk setting: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'kind'}: ${i.message}`).join('; ')}. See docs/helpdesks.md.`,
      );
    return parsed.data;
  };
  const limits = { limits: policy.settings.outboxLimits };
  const { proxy } = policy.settings;
  if (env.TRIAGE_HELPDESK)
    return {
      settings: parse(env.TRIAGE_HELPDESK, 'TRIAGE_HELPDESK'),
      source: 'the TRIAGE_HELPDESK environment variable',
      outboxLimits: limits,
      proxy,
    };
  if (file) {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`--helpdesk: ${file} cannot be read (${error.code ?? error.message}).`);
    });
    return { settings: parse(text, file), source: file, outboxLimits: limits, proxy };
  }
  return {
    settings: policy.settings.helpdesk,
    source: policy.sources.length ? 'managed policy' : 'the default (local folder)',
    outboxLimits: limits,
    proxy,
  };
}

/**
 * The outbox of this scope, sending through the proxy the policy, the environment or the system
 * names (main/tickets/proxy.ts). `close` ends the proxy connections.
 */
export function outboxFor(
  helpdesk: Pick<HelpdeskChoice, 'outboxLimits' | 'proxy'>,
  env: NodeJS.ProcessEnv = process.env,
): { outbox: Outbox; close: () => Promise<void> } {
  // For fault drills and tests against a local helpdesk that answers in milliseconds.
  const settle = env.TRIAGE_OUTBOX_SETTLE_MS;
  const settleMs = settle !== undefined && /^\d+$/.test(settle) ? Number(settle) : undefined;
  const scope = currentScope();
  const dir = stateDir(scope);
  const untrusted = scope === 'machine' && process.platform !== 'win32' ? untrustedMachineFolder(dir) : null;
  if (untrusted) throw new RefusedError(untrusted);
  const transport = createProxyTransport({ policy: helpdesk.proxy, env, system: () => readSystemProxy() });
  const outbox = new Outbox(join(dir, 'outbox'), {
    ...helpdesk.outboxLimits,
    ...(settleMs === undefined ? {} : { settleMs }),
    transport,
  });
  return { outbox, close: () => transport.close() };
}

/** Who sends a queued report of this scope by itself (the installers set up the machine's runner). */
function whoSendsIt(): string {
  return currentScope() === 'machine'
    ? 'The scheduled sender that Triage installs sends it (every 15 minutes); "triage outbox retry" sends it now.'
    : 'The Triage app sends it by itself while it runs for this user; "triage outbox retry" sends it now.';
}

function describeState(
  state: Pick<OutboxState, 'status' | 'receipt' | 'lastError'>,
  connector: Connector,
): string {
  switch (state.status) {
    case 'sent':
      return connector.kind === 'local-folder' || connector.kind === 'email'
        ? `Saved for ${connector.destination}: ${state.receipt?.url ?? state.receipt?.id}`
        : `Ticket ${state.receipt?.id} created in ${connector.destination}${state.receipt?.url ? `: ${state.receipt.url}` : ''}${state.receipt?.deduplicated ? ' (it had already arrived; no duplicate was made)' : ''}`;
    case 'queued':
    case 'sending':
      return `Queued: ${state.lastError?.message ?? 'it will be sent later.'} ${whoSendsIt()}`;
    case 'failed':
      return `Not sent: ${state.lastError?.message ?? 'unknown error'}`;
  }
}

function describeResult(result: SendResult, connector: Connector): string {
  if (result.status === 'queued' && result.error?.kind === 'settling')
    return `Queued: ${result.error.message} ${whoSendsIt()}`;
  return describeState(
    { status: result.status, receipt: result.receipt, lastError: result.error },
    connector,
  );
}

const exitForStatus = (status: OutboxState['status'] | undefined): number =>
  status === 'sent' ? EXIT.ok : status === 'failed' ? EXIT.failed : EXIT.findings;

/** How long `submit` waits for another sender (the app, a scheduled run) to finish before leaving its report to it. */
const SUBMIT_WAIT_MS = 120_000;

/**
 * Queues a bundle and sends it now. Shared by `submit` and `collect --submit`. The report's key is
 * `key` or, by default, made from the bundle's SHA-256: submitting the same bundle again finds it
 * queued or sent instead of filing it twice.
 */
export async function submitBundle(
  path: string,
  helpdeskFile: string | undefined,
  io: IO,
  key?: string,
): Promise<number> {
  if (key !== undefined && !isOutboxKey(key))
    throw new UsageError(`--key: "${key}" is not a key; use a UUID such as ${randomUUID()}.`);
  let report;
  try {
    report = reportFromBundle(await readBundle(path));
  } catch (error) {
    if (error instanceof BundleError) {
      io.stderr.write(`triage: ${path}: ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
  const helpdesk = await helpdeskFrom(helpdeskFile);
  const connector = createConnector(helpdesk.settings);
  const { outbox, close } = outboxFor(helpdesk);
  try {
    const itemKey = key ?? keyForBundle(await sha256File(path));
    const before = await outbox.read(itemKey).catch((error: unknown) => {
      if (error instanceof OutboxError && error.code === 'unknown-item') return null;
      throw error;
    });
    if (before?.state.status === 'sent' || before?.state.status === 'failed') {
      io.stdout.write(
        `${itemKey} was submitted before. ${describeState(before.state, connector)}${before.state.status === 'failed' ? ` After fixing that, "triage outbox retry ${itemKey} --all" sends it again.` : ''}\n`,
      );
      return exitForStatus(before.state.status);
    }
    if (!before)
      await outbox.enqueue({
        ...submissionDraft(report),
        key: itemKey,
        bundlePath: path,
        bundleFileName: path.split(/[\\/]/).pop() ?? 'triage-bundle.zip',
      });
    io.stderr.write(
      `${before ? 'Already queued' : 'Queued'} as ${itemKey}; sending to ${connector.destination} (from ${helpdesk.source})…\n`,
    );
    let results: SendResult[];
    try {
      results = await outbox.send(connector, { only: itemKey });
    } catch (error) {
      if (!(error instanceof OutboxError && error.code === 'busy')) throw error;
      io.stderr.write(`${error.message} Waiting for it (up to ${SUBMIT_WAIT_MS / 60_000} minutes)…\n`);
      results = await outbox.send(connector, { only: itemKey, waitForLockMs: SUBMIT_WAIT_MS });
    }
    const result = results[0];
    if (result) {
      io.stdout.write(`${describeResult(result, connector)}\n`);
      return exitForStatus(result.status);
    }
    // The other sender sent it meanwhile, or it is not due yet.
    const after = await outbox.read(itemKey);
    io.stdout.write(`${describeState(after.state, connector)}\n`);
    return exitForStatus(after.state.status);
  } catch (error) {
    if (error instanceof OutboxError) {
      io.stderr.write(`triage: ${error.message}\n`);
      return error.code === 'busy' ? EXIT.findings : EXIT.failed;
    }
    throw error;
  } finally {
    await close();
  }
}

export const SUBMIT_HELP = `Usage: triage submit BUNDLE [--helpdesk FILE] [--key KEY]

Files a bundle as a ticket. The bundle is first copied into the outbox (durably), so nothing is lost
if the network or the helpdesk is down: it waits there, and is sent by itself (as SYSTEM or root, by
the scheduled sender Triage installs; as a user, by the Triage app while it runs) or by "triage
outbox retry", and it is never filed twice. Submitting the same bundle again does not file it
again: its key is made from the bundle's SHA-256 unless --key gives one (a UUID). If another Triage
process is sending, submit waits for it (up to 2 minutes). Where it goes: TRIAGE_HELPDESK (JSON),
then --helpdesk FILE, then managed policy, then a local folder. Through the proxy the policy, then
HTTPS_PROXY/NO_PROXY, then the system settings name (docs/helpdesks.md, "Proxies").
Exit codes: 0 sent (or saved), 1 queued for later, 2 bad command line, 3 not sent or not queued
(the message says why, and where the bundle is).`;

export async function runSubmit(argv: readonly string[], io: IO): Promise<number> {
  const parsed = parseCommandLine('submit', {
    args: [...argv],
    allowPositionals: true,
    options: {
      helpdesk: { type: 'string' },
      key: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (parsed.values.help) {
    io.stdout.write(`${SUBMIT_HELP}\n`);
    return EXIT.ok;
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError('Usage: triage submit BUNDLE [--helpdesk FILE] [--key KEY]');
  return submitBundle(parsed.positionals[0] ?? '', parsed.values.helpdesk, io, parsed.values.key);
}

export const OUTBOX_HELP = `Usage: triage outbox list [--json]
       triage outbox retry [KEY] [--all] [--helpdesk FILE]
       triage outbox check [--quarantine] [--json]
       triage outbox purge [KEY] [--all]

list   what waits to be sent, what was sent (with ticket ids), what failed (with the reason) and
       what is damaged; --json adds each report's bundle path and SHA-256
retry  send what is due now; --all also what failed permanently (after IT fixed the settings)
check  find damaged reports; --quarantine repairs those whose report is intact (the helpdesk is
       asked before they are sent again) and moves the rest to the outbox's .quarantine folder
purge  remove sent and failed reports (a KEY removes that one, also a damaged one; --all also
       removes waiting and damaged ones)
Exit codes: 0 done, 1 something is still waiting (or another Triage process is sending; it sends
what is due), 2 bad command line, 3 a report failed or the outbox could not be used.`;

export async function runOutbox(argv: readonly string[], io: IO): Promise<number> {
  const parsed = parseCommandLine('outbox', {
    args: [...argv],
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      all: { type: 'boolean' },
      quarantine: { type: 'boolean' },
      helpdesk: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [action, key, ...extra] = parsed.positionals;
  if (parsed.values.help || action === undefined) {
    io.stdout.write(`${OUTBOX_HELP}\n`);
    return action === undefined && !parsed.values.help ? EXIT.usage : EXIT.ok;
  }
  if (extra.length) throw new UsageError(OUTBOX_HELP);
  const helpdesk = await helpdeskFrom(parsed.values.helpdesk);
  const { outbox, close } = outboxFor(helpdesk);
  const damagedLine = (d: DamagedItem): string =>
    `${d.key}  damaged  ${d.problem} Run "triage outbox check --quarantine" to ${d.repairable ? 'repair it' : 'move it aside'}.\n`;
  try {
    switch (action) {
      case 'list': {
        const { items, damaged } = await outbox.scan();
        if (parsed.values.json) {
          io.stdout.write(
            `${JSON.stringify(
              [
                ...items.map(({ key: k, submission, state }) => ({
                  key: k,
                  subject: submission.subject,
                  bundle: submission.bundle,
                  ...state,
                })),
                ...damaged.map((d) => ({ ...d, status: 'damaged' })),
              ],
              null,
              2,
            )}\n`,
          );
          return EXIT.ok;
        }
        if (items.length === 0 && damaged.length === 0) {
          io.stdout.write('The outbox is empty.\n');
          return EXIT.ok;
        }
        for (const item of items) {
          const s = item.state;
          const detail =
            s.status === 'sent'
              ? `ticket ${s.receipt?.id}${s.receipt?.url ? ` ${s.receipt.url}` : ''}`
              : s.status === 'failed'
                ? `${s.lastError?.message}`
                : `${s.attempts} attempt(s)${s.nextAttemptAt ? `, next at ${s.nextAttemptAt}` : ''}${s.lastError ? ` — ${s.lastError.message}` : ''}`;
          io.stdout.write(
            `${item.key}  ${s.createdAt}  ${s.status.padEnd(7)}  ${item.submission.subject}\n    ${detail}\n`,
          );
        }
        for (const d of damaged) io.stdout.write(damagedLine(d));
        return EXIT.ok;
      }
      case 'retry': {
        // A KEY that is damaged or unknown says so, instead of "nothing is due".
        const wanted = key === undefined ? null : await outbox.read(key);
        const connector = createConnector(helpdesk.settings);
        const print = (event: OutboxEvent): void => {
          if (event.type === 'sending')
            io.stderr.write(`${event.key}: sending (attempt ${event.attempt})…\n`);
        };
        const results = await outbox.send(connector, {
          pick: parsed.values.all ? 'all' : 'due',
          only: key,
          onEvent: print,
        });
        if (results.length === 0)
          io.stdout.write(
            wanted
              ? `${wanted.key}: ${wanted.state.status === 'queued' ? `not due until ${wanted.state.nextAttemptAt}; "triage outbox retry ${wanted.key} --all" sends it now.` : describeState(wanted.state, connector)}\n`
              : 'Nothing is due to be sent.\n',
          );
        for (const result of results)
          io.stdout.write(`${result.key}: ${describeResult(result, connector)}\n`);
        const { damaged } = key === undefined ? await outbox.scan() : { damaged: [] };
        for (const d of damaged) io.stderr.write(damagedLine(d));
        return results.some((r) => r.status === 'failed') || damaged.length > 0
          ? EXIT.failed
          : results.some((r) => r.status !== 'sent')
            ? EXIT.findings
            : EXIT.ok;
      }
      case 'check': {
        if (key !== undefined) throw new UsageError(OUTBOX_HELP);
        const checked = await outbox.check({ quarantine: parsed.values.quarantine ?? false });
        if (parsed.values.json) {
          io.stdout.write(`${JSON.stringify(checked, null, 2)}\n`);
        } else if (checked.damaged.length === 0) {
          io.stdout.write('No damaged reports in the outbox.\n');
        } else if (!parsed.values.quarantine) {
          for (const d of checked.damaged) io.stdout.write(damagedLine(d));
        } else {
          for (const k of checked.repaired)
            io.stdout.write(
              `${k}: repaired; it is sent again after Triage asked the helpdesk whether it arrived.\n`,
            );
          for (const q of checked.quarantined)
            io.stdout.write(`${q.key}: cannot be sent; moved to ${q.path} for IT to look at.\n`);
        }
        return checked.damaged.length === 0 || parsed.values.quarantine ? EXIT.ok : EXIT.findings;
      }
      case 'purge': {
        const removed = await outbox.purge({ key, includePending: parsed.values.all ?? false });
        io.stdout.write(
          removed.length
            ? `Removed ${englishCount(removed.length, 'report')} from the outbox.\n`
            : 'Nothing to remove (waiting reports stay unless you add --all).\n',
        );
        return EXIT.ok;
      }
      default:
        throw new UsageError(`Unknown outbox action "${action}".\n${OUTBOX_HELP}`);
    }
  } catch (error) {
    if (error instanceof OutboxError) {
      io.stderr.write(`triage: ${error.message}\n`);
      return error.code === 'busy' ? EXIT.findings : EXIT.failed;
    }
    throw error;
  } finally {
    await close();
  }
}
