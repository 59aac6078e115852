/**
 * `triage submit` and `triage outbox …`: file a bundle as a ticket, see and manage what waits.
 *
 * Where tickets go: the TRIAGE_HELPDESK environment variable (JSON, for scripts and CI), then
 * `--helpdesk FILE`, then managed policy, then the local folder. A secret written as
 * `credential:NAME` comes from the app's credential store or TRIAGE_CREDENTIAL_NAME (credentials.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BundleError, readBundle, reportFromBundle } from '../bundle/read';
import { currentScope } from '../log-file';
import { stateDir } from '../paths';
import { loadPolicy } from '../policy/load';
import { createConnector, helpdeskSettingsSchema, type HelpdeskSettings } from '../tickets/connectors';
import { CredentialError, resolveWithInstalled } from '../tickets/credentials';
import { Outbox, OutboxError, type OutboxEvent, type SendResult } from '../tickets/outbox';
import { submissionDraft } from '../tickets/submission';
import type { Connector } from '../tickets/types';
import { EXIT, parseCommandLine, UsageError } from './usage';

interface IO {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

export async function helpdeskFrom(
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{
  settings: HelpdeskSettings;
  source: string;
  outboxLimits: ConstructorParameters<typeof Outbox>[1];
}> {
  const found = await helpdeskSettingsFrom(file, env);
  try {
    return { ...found, settings: await resolveWithInstalled(found.settings, env) };
  } catch (error) {
    if (error instanceof CredentialError) throw new UsageError(`${found.source}: ${error.message}`);
    throw error;
  }
}

async function helpdeskSettingsFrom(
  file: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<{
  settings: HelpdeskSettings;
  source: string;
  outboxLimits: ConstructorParameters<typeof Outbox>[1];
}> {
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
  if (env.TRIAGE_HELPDESK)
    return {
      settings: parse(env.TRIAGE_HELPDESK, 'TRIAGE_HELPDESK'),
      source: 'the TRIAGE_HELPDESK environment variable',
      outboxLimits: limits,
    };
  if (file) {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`--helpdesk: ${file} cannot be read (${error.code ?? error.message}).`);
    });
    return { settings: parse(text, file), source: file, outboxLimits: limits };
  }
  return {
    settings: policy.settings.helpdesk,
    source: policy.sources.length ? 'managed policy' : 'the default (local folder)',
    outboxLimits: limits,
  };
}

export function outboxFor(
  options: ConstructorParameters<typeof Outbox>[1] = {},
  env: NodeJS.ProcessEnv = process.env,
): Outbox {
  // For fault drills and tests against a local helpdesk that answers in milliseconds.
  const settle = env.TRIAGE_OUTBOX_SETTLE_MS;
  const settleMs = settle !== undefined && /^\d+$/.test(settle) ? Number(settle) : undefined;
  return new Outbox(join(stateDir(currentScope()), 'outbox'), {
    ...options,
    ...(settleMs === undefined ? {} : { settleMs }),
  });
}

function describeResult(result: SendResult, connector: Connector): string {
  switch (result.status) {
    case 'sent':
      return connector.kind === 'local-folder' || connector.kind === 'email'
        ? `Saved for ${connector.destination}: ${result.receipt?.url ?? result.receipt?.id}`
        : `Ticket ${result.receipt?.id} created in ${connector.destination}${result.receipt?.url ? `: ${result.receipt.url}` : ''}${result.receipt?.deduplicated ? ' (it had already arrived; no duplicate was made)' : ''}`;
    case 'queued':
    case 'sending':
      return `Queued: ${result.error?.message ?? 'it will be sent later.'} Triage retries by itself; "triage outbox retry" tries now.`;
    case 'failed':
      return `Not sent: ${result.error?.message ?? 'unknown error'}`;
  }
}

const exitFor = (result: SendResult | undefined): number =>
  result?.status === 'sent' ? EXIT.ok : result?.status === 'failed' ? EXIT.failed : EXIT.findings;

/** Queues a bundle and tries to send it now. Shared by `submit` and `collect --submit`. */
export async function submitBundle(path: string, helpdeskFile: string | undefined, io: IO): Promise<number> {
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
  const outbox = outboxFor(helpdesk.outboxLimits);
  let key: string;
  try {
    key = await outbox.enqueue({
      ...submissionDraft(report),
      bundlePath: path,
      bundleFileName: path.split(/[\\/]/).pop() ?? 'triage-bundle.zip',
    });
  } catch (error) {
    if (error instanceof OutboxError) {
      io.stderr.write(`triage: ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
  io.stderr.write(`Queued as ${key}; sending to ${connector.destination} (from ${helpdesk.source})…\n`);
  const results = await outbox.send(connector, { only: key }).catch((error: unknown) => {
    if (error instanceof OutboxError && error.code === 'busy') return [];
    throw error;
  });
  const result = results[0];
  io.stdout.write(
    `${result ? describeResult(result, connector) : 'Queued: another Triage process is sending right now and will send it.'}\n`,
  );
  return exitFor(result);
}

export const SUBMIT_HELP = `Usage: triage submit BUNDLE [--helpdesk FILE]

Files a bundle as a ticket. The bundle is first copied into the outbox (durably), so nothing is lost
if the network or the helpdesk is down: it is retried later ("triage outbox retry"), and never filed
twice. Where it goes: TRIAGE_HELPDESK (JSON), then --helpdesk FILE, then managed policy, then a local
folder. See docs/helpdesks.md for each helpdesk's settings.
Exit codes: 0 sent (or saved), 1 queued for later, 2 bad command line, 3 not sent (the reason says why).`;

export async function runSubmit(argv: readonly string[], io: IO): Promise<number> {
  const parsed = parseCommandLine('submit', {
    args: [...argv],
    allowPositionals: true,
    options: { helpdesk: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (parsed.values.help) {
    io.stdout.write(`${SUBMIT_HELP}\n`);
    return EXIT.ok;
  }
  if (parsed.positionals.length !== 1) throw new UsageError('Usage: triage submit BUNDLE [--helpdesk FILE]');
  return submitBundle(parsed.positionals[0] ?? '', parsed.values.helpdesk, io);
}

export const OUTBOX_HELP = `Usage: triage outbox list [--json]
       triage outbox retry [KEY] [--all] [--helpdesk FILE]
       triage outbox purge [KEY] [--all]

list   what waits to be sent, what was sent (with ticket ids) and what failed (with the reason)
retry  send what is due now; --all also what failed permanently (after IT fixed the settings)
purge  remove sent and failed reports (a KEY removes that one; --all also removes waiting ones)`;

export async function runOutbox(argv: readonly string[], io: IO): Promise<number> {
  const parsed = parseCommandLine('outbox', {
    args: [...argv],
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      all: { type: 'boolean' },
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
  const outbox = outboxFor(helpdesk.outboxLimits);
  try {
    switch (action) {
      case 'list': {
        const items = await outbox.list();
        if (parsed.values.json) {
          io.stdout.write(
            `${JSON.stringify(
              items.map(({ key: k, submission, state }) => ({
                key: k,
                subject: submission.subject,
                bytes: submission.bundle.bytes,
                ...state,
              })),
              null,
              2,
            )}\n`,
          );
          return EXIT.ok;
        }
        if (items.length === 0) {
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
        return EXIT.ok;
      }
      case 'retry': {
        const connector = createConnector(helpdesk.settings);
        const print = (event: OutboxEvent): void => {
          if (event.type === 'sending')
            io.stderr.write(`${event.key}: sending (attempt ${event.attempt})…\n`);
        };
        const results = await outbox.send(connector, {
          force: parsed.values.all ?? false,
          only: key,
          onEvent: print,
        });
        if (results.length === 0) io.stdout.write('Nothing is due to be sent.\n');
        for (const result of results)
          io.stdout.write(`${result.key}: ${describeResult(result, connector)}\n`);
        return results.some((r) => r.status === 'failed')
          ? EXIT.failed
          : results.some((r) => r.status !== 'sent')
            ? EXIT.findings
            : EXIT.ok;
      }
      case 'purge': {
        const removed = await outbox.purge({ key, includePending: parsed.values.all ?? false });
        io.stdout.write(
          removed.length
            ? `Removed ${removed.length} report(s) from the outbox.\n`
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
      return EXIT.failed;
    }
    throw error;
  }
}
