/**
 * What the desktop app does, channel by channel, in plain Node. The Electron corner (main/electron)
 * only validates IPC and supplies the few things only Electron can do (dialogs, opening URIs, the
 * utility process); tests wire the real renderer to these same handlers.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseProbeConfig } from '../../probes/config';
import { findProbe } from '../../probes/index';
import { bundleFileName, bundleFiles } from '../bundle/contents';
import { diffReports } from '../bundle/diff';
import { keyFacts } from '../bundle/facts';
import { BundleChoiceError, prepareBundle, previewSections, type SectionId } from '../bundle/prepare';
import { BundleError, readBundle, reportFromBundle } from '../bundle/read';
import { verifyBundle } from '../bundle/verify';
import { writeZipAtomic } from '../bundle/zip';
import { writeFileDurable } from '../fs-durable';
import type { Logger } from '../../probes/types';
import type {
  AppContext,
  AppLocale,
  BundleView,
  DeliveryProblem,
  Channel,
  ChannelArgs,
  ChannelResults,
  Draft,
  EventName,
  EventPayloads,
  OutboxView,
  Result,
  StartRoute,
} from '../ipc/contract';
import { draftSchema, LOCALES } from '../ipc/contract';
import type { LogEntry } from '../log';
import type { ProblemDescription, Report } from '../report';
import { createConnector } from '../tickets/connectors';
import { DEFAULT_RETRY, Outbox, OutboxError, type RetryPolicy } from '../tickets/outbox';
import { createProxyTransport, readSystemProxy } from '../tickets/proxy';
import { submissionDraft } from '../tickets/submission';
import type { Transport } from '../tickets/types';
import { TRIAGE_VERSION } from '../version';
import { BUSY, createAutoSender, type AutoSender, type AutoSendTiming } from './auto-send';
import { checkLocalBundlePath } from './deep-link';
import { displayName } from './display-name';
import { sentNotification } from './notices';
import { removableFor, type AppSettings } from './settings';
import { openableSettingsPages, settingsUri } from './settings-pages';
import { collectInWorker, CollectionFailed, type StartWorker } from './worker';

/** The few things only the desktop shell can do; tests supply their own. */
export interface DesktopHost {
  readonly platform: 'win32' | 'darwin' | 'linux';
  /** The OS's UI language, e.g. "de-DE". */
  readonly osLocale: string;
  openExternal(uri: string): Promise<void>;
  showItemInFolder(path: string): void;
  /** Opens a file with its default program (an .eml draft in the mail program); false if none did. */
  openPath(path: string): Promise<boolean>;
  chooseBundle(): Promise<string | null>;
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
  /** A system notification, shown also while the window is closed to the tray. */
  notify(title: string, body: string): void;
  readonly startWorker: StartWorker;
}

export type Handlers = { readonly [C in Channel]: (...args: ChannelArgs<C>) => Promise<ChannelResults[C]> };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: string): Result<T> => ({ ok: false, error });

export function pickLocale(osLocale: string): AppLocale {
  const language = osLocale.toLowerCase().split(/[-_]/)[0] as AppLocale;
  return LOCALES.includes(language) ? language : 'en';
}

/** Why a report has not gone, from the connector's error kind, in the terms of the user's next step. */
export function deliveryProblem(kind: string | undefined): DeliveryProblem {
  switch (kind) {
    case 'proxy-auth':
      return 'proxy-sign-in';
    case 'server':
    case 'rate-limited':
    case 'bad-response':
    case 'unknown-outcome':
    case 'settling':
      return 'helpdesk-busy';
    case 'auth':
    case 'forbidden':
    case 'config':
    case 'damaged':
      return 'setup';
    case 'rejected':
    case 'expired':
      return 'refused';
    case 'too-large':
      return 'too-large';
    default:
      return 'offline';
  }
}

export interface HandlerOptions {
  readonly host: DesktopHost;
  readonly settings: AppSettings;
  /** Where drafts, saved reports and the outbox live. */
  readonly stateDir: string;
  readonly startRoute?: StartRoute | null;
  /** Problems with managed policy values (ignored, defaults used), shown to IT. */
  readonly policyWarnings?: readonly string[];
  /**
   * How reports leave the machine: the app passes Electron's net.fetch (Chromium's proxy stack);
   * by default, the headless proxy-aware transport (main/tickets/proxy.ts).
   */
  readonly transport?: Transport;
  readonly log?: Logger;
  /** Timer bounds of automatic sending (tests shorten them). */
  readonly autoSendTiming?: Partial<AutoSendTiming>;
}

/**
 * The app tries a waiting report again at most a minute later (15 s, 30 s, then every minute, each
 * less up to half at random), so a report leaves within about a minute of the helpdesk answering
 * again. A running app has a few reports waiting at most; the one-hour ceiling is for headless runs.
 */
const APP_RETRY: RetryPolicy = { ...DEFAULT_RETRY, baseMs: 15_000, maxMs: 60_000 };

/** How long "Send" waits for an automatic send in flight before leaving the new report to it. */
const SEND_WAIT_MS = 20_000;

const QUIET: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export function createHandlers({
  host,
  settings,
  stateDir,
  startRoute = null,
  policyWarnings = [],
  transport = createProxyTransport({ policy: settings.proxy, system: () => readSystemProxy() }),
  log = QUIET,
  autoSendTiming,
}: HandlerOptions): Handlers & {
  readonly current: () => { report: Report | null };
  /** Sends queued reports by themselves; the shell starts it and forwards network and wake events. */
  readonly autoSend: AutoSender;
} {
  let locale: AppLocale = pickLocale(host.osLocale);
  let last: { report: Report; log: readonly LogEntry[] } | null = null;
  let running: { cancel: () => void } | null = null;
  const draftPath = join(stateDir, 'draft.json');
  const reportsDir = join(stateDir, 'reports');
  const outbox = new Outbox(join(stateDir, 'outbox'), {
    limits: settings.outboxLimits,
    retry: APP_RETRY,
    transport,
  });
  const connector = createConnector(settings.helpdesk);
  const savesFiles = connector.kind === 'local-folder' || connector.kind === 'email';
  const contactName = displayName(host.platform);
  const removable = removableFor(settings);

  const loadDraft = async (): Promise<Draft | null> => {
    try {
      const parsed = draftSchema.safeParse(JSON.parse(await readFile(draftPath, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };

  const outboxView = async (): Promise<OutboxView> => {
    const items = await outbox.list();
    return {
      waiting: items.filter((i) => i.state.status === 'queued' || i.state.status === 'sending').length,
      failed: items.filter((i) => i.state.status === 'failed').length,
      items: items.map((i) => ({
        key: i.key,
        subject: i.submission.subject,
        status: i.state.status,
        createdAt: i.state.createdAt,
        ticketId: i.state.receipt?.id ?? null,
        message: i.state.lastError?.message ?? null,
      })),
    };
  };

  const autoSend = createAutoSender({
    outbox,
    connector,
    log,
    timing: autoSendTiming,
    onChanged: async () => host.emit('outbox:changed', await outboxView()),
    onSent: (notice) => {
      const { title, body } = sentNotification(locale, notice, savesFiles);
      host.notify(title, body);
    },
  });

  const context = async (): Promise<AppContext> => ({
    version: TRIAGE_VERSION,
    locale,
    locales: LOCALES,
    platform: host.platform,
    productName: settings.productName,
    support: {
      text: settings.support.text,
      phone: settings.support.phone,
      web: settings.support.url !== null,
    },
    helpdeskName: settings.helpdeskName,
    technicianEntry: settings.technicianView === 'show',
    settingsPages: openableSettingsPages(host.platform),
    contactDefaults: { name: await contactName, email: '', phone: '' },
    draft: await loadDraft(),
    redactionLevel: settings.redactionLevel,
    destination: connector.destination,
    delivery:
      connector.kind === 'email' ? 'email' : connector.kind === 'local-folder' ? 'folder' : 'helpdesk',
    outbox: await outboxView(),
    startRoute,
    policyWarnings,
  });

  const prepare = (exclude: readonly string[]) => {
    if (!last) throw new BundleChoiceError('Run the checks first: there is nothing to send yet.');
    return prepareBundle(last.report, last.log, {
      level: settings.redactionLevel,
      exclude: exclude as SectionId[],
      removable,
    });
  };

  const bundleView = async (path: string): Promise<Result<BundleView>> => {
    const problem = checkLocalBundlePath(path);
    if (problem) return fail(`This file cannot be opened: ${problem}.`);
    try {
      const bundle = await readBundle(path);
      const report = reportFromBundle(bundle);
      return ok({
        path,
        schemaVersion: bundle.manifest.schemaVersion,
        triageVersion: report.triageVersion,
        createdAt: report.createdAt,
        host: {
          hostname: report.host.hostname,
          osName: report.host.osName,
          osVersion: report.host.osVersion,
          platform: report.host.platform,
        },
        problem: report.problem
          ? {
              category: report.problem.category,
              description: report.problem.description,
              contact: report.problem.contact,
            }
          : null,
        redaction: bundle.manifest.redaction.level,
        facts: keyFacts(report),
        findings: report.findings,
        probes: report.run.probes.map((p) => ({
          id: p.id,
          title: findProbe(p.id)?.descriptor.title ?? p.id,
          status: p.status,
          durationMs: p.durationMs,
          error: p.error?.message ?? null,
          data: p.data,
        })),
        verification: verifyBundle(bundle),
      });
    } catch (error) {
      if (error instanceof BundleError) return fail(error.message);
      throw error;
    }
  };

  return {
    current: () => ({ report: last?.report ?? null }),
    autoSend,
    'app:context': context,
    'app:set-locale': async (next) => {
      locale = next;
      return context();
    },
    'draft:save': async (draft) => {
      await mkdir(stateDir, { recursive: true, mode: 0o700 });
      await writeFileDurable(draftPath, JSON.stringify(draft));
      return null;
    },
    'draft:clear': async () => {
      await rm(draftPath, { force: true });
      return null;
    },
    'check:start': async (problem) => {
      if (running) return fail('A check is already running.');
      const description: ProblemDescription = {
        category: problem.category,
        description: problem.description,
        contact:
          problem.contact.name || problem.contact.email || problem.contact.phone ? problem.contact : null,
      };
      const job = collectInWorker(
        host.startWorker,
        {
          problem: description,
          config: settings.probeConfig,
          disabledProbes: settings.disabledProbes,
          locale,
        },
        (event) => host.emit('check:progress', event),
      );
      running = job;
      try {
        const { report, log } = await job.result;
        last = { report, log };
        const cancelled = report.run.probes.some((p) => p.error?.code === 'cancelled');
        return ok({
          findings: report.findings,
          probes: report.run.probes.map((p) => ({
            id: p.id,
            title: findProbe(p.id)?.descriptor.title ?? p.id,
            status: p.status,
            durationMs: p.durationMs,
          })),
          durationMs: report.run.durationMs,
          cancelled,
        });
      } catch (error) {
        if (error instanceof CollectionFailed) return fail(error.message);
        throw error;
      } finally {
        running = null;
      }
    },
    'check:cancel': async () => {
      running?.cancel();
      return null;
    },
    'consent:preview': async ({ exclude }) => {
      try {
        const prepared = prepare(exclude);
        const sections = previewSections(prepared, { removable });
        return ok({
          level: prepared.redaction.level,
          sections,
          totalBytes: [...bundleFiles(prepared).values()].reduce((n, b) => n + b.length, 0),
        });
      } catch (error) {
        if (error instanceof BundleChoiceError) return fail(error.message);
        throw error;
      }
    },
    'report:send': async ({ exclude }) => {
      try {
        const prepared = prepare(exclude);
        await mkdir(reportsDir, { recursive: true, mode: 0o700 });
        const fileName = bundleFileName(prepared.report.host.hostname, new Date(prepared.report.createdAt));
        const bundlePath = join(reportsDir, fileName);
        await writeZipAtomic(bundlePath, bundleFiles(prepared));
        const key = await outbox.enqueue({
          ...submissionDraft(prepared.report),
          bundlePath,
          bundleFileName: fileName,
        });
        await rm(draftPath, { force: true });
        // Busy (an automatic send in flight, or another Triage process): the report waits in the
        // outbox, and the send in flight or the next automatic one takes it.
        const sent = await autoSend
          .run(() => outbox.send(connector, { only: key }), { waitMs: SEND_WAIT_MS })
          .catch((error: unknown) => {
            if (error instanceof OutboxError && error.code === 'busy') return [];
            throw error;
          });
        const [result] = sent === BUSY ? [] : sent;
        host.emit('outbox:changed', await outboxView());
        if (result?.status === 'sent' && result.receipt) {
          // Local destinations "send" by saving a file the user then passes on.
          if (savesFiles) {
            const path = result.receipt.url ?? bundlePath;
            // The e-mail connector saves a draft; the user's mail program opens it, ready to send.
            const draftOpened = connector.kind === 'email' ? await host.openPath(path) : null;
            if (draftOpened === false) log.warn('No mail program opened the e-mail draft', { path });
            return ok({ kind: 'saved', path, destination: connector.destination, draftOpened });
          }
          return ok({
            kind: 'sent',
            ticketId: result.receipt.id,
            ticketUrl: result.receipt.url,
            destination: connector.destination,
          });
        }
        // The precise reason goes to the log for IT; the user sees what it means for them.
        if (result?.error) log.warn('The report was not sent', { key, ...result.error });
        const reason = deliveryProblem(result?.error?.kind);
        if (result?.status === 'failed') return ok({ kind: 'failed', reason, bundlePath });
        return ok({ kind: 'queued', reason, bundlePath });
      } catch (error) {
        if (error instanceof BundleChoiceError || error instanceof OutboxError) return fail(error.message);
        throw error;
      }
    },
    'settings:open': async (page) => {
      // The network's sign-in page: the browser asks for the connectivity check's own plain-http
      // URL, which a captive portal intercepts and answers with its sign-in page. Never a URL the
      // network supplied: that would let any portal make Triage open what it likes.
      const uri =
        page === 'sign-in-page'
          ? parseProbeConfig(settings.probeConfig).connectivity.checkUrl
          : settingsUri(host.platform, page);
      if (!uri)
        return fail(
          'Triage cannot open these settings on this computer; please open them from your system settings.',
        );
      await host.openExternal(uri);
      return ok(null);
    },
    'support:open': async (how) => {
      const { phone, url } = settings.support;
      const uri = how === 'phone' ? phone && `tel:${phone.replace(/[^+0-9]/g, '')}` : url;
      if (!uri) return fail(`No support ${how === 'phone' ? 'phone number' : 'page'} is set in policy.`);
      await host.openExternal(uri);
      return ok(null);
    },
    'outbox:status': outboxView,
    'outbox:retry': async () => {
      await autoSend
        .run(() => outbox.send(connector, { pick: 'all' }))
        .catch((error: unknown) => {
          if (!(error instanceof OutboxError && error.code === 'busy')) throw error;
        });
      const view = await outboxView();
      host.emit('outbox:changed', view);
      return view;
    },
    'bundle:choose': () => host.chooseBundle(),
    'bundle:open': bundleView,
    'bundle:diff': async (a, b) => {
      for (const path of [a, b]) {
        const problem = checkLocalBundlePath(path);
        if (problem) return fail(`${path} cannot be opened: ${problem}.`);
      }
      try {
        const [before, after] = await Promise.all([readBundle(a), readBundle(b)]);
        return ok(diffReports(reportFromBundle(before), reportFromBundle(after)));
      } catch (error) {
        if (error instanceof BundleError) return fail(error.message);
        throw error;
      }
    },
    'path:show': async (path) => {
      // The same rule as opening a bundle: showing a network path would make Windows contact it.
      const problem = checkLocalBundlePath(path);
      if (problem) return fail(`This file cannot be shown: ${problem}.`);
      host.showItemInFolder(path);
      return ok(null);
    },
  };
}
