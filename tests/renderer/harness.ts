/**
 * The real renderer (renderer/dist) in Debian's Chromium, its `window.triage` bridge wired to the
 * real main-side handlers running here in Node: every call goes through the same contract
 * validation as in Electron, the probes run for real in their own process (inside a network
 * namespace, so they reach nothing outside this machine), bundles are really written and read.
 * Pages are served with the app's own Content-Security-Policy.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { AutoSendTiming } from '../../main/app/auto-send';
import { createHandlers, type DesktopHost, type Handlers } from '../../main/app/handlers';
import { DEFAULT_SETTINGS, type AppSettings } from '../../main/app/settings';
import { forkWorker } from '../../main/app/worker';
import { CONTENT_SECURITY_POLICY } from '../../main/electron/window-options';
import { CHANNELS, EVENTS, type EventName, type EventPayloads } from '../../main/ipc/contract';
import { APP_ORIGIN, validateInvocation } from '../../main/ipc/validate';
import type { Transport } from '../../main/tickets/types';

const ROOT = join(__dirname, '..', '..');
const RENDERER = join(ROOT, 'renderer', 'dist');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
/** The collector as shipped (the tests' global setup builds dist/). */
const COLLECTOR = join(ROOT, 'dist', 'main', 'app', 'collector-process.js');
const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
};

export interface AppUnderTest {
  readonly page: Page;
  readonly handlers: Handlers;
  readonly stateDir: string;
  /** Paths the next "choose a bundle" dialogs will return, in order. */
  readonly chooser: string[];
  readonly opened: string[];
  /** System notifications the app showed, as "title: body". */
  readonly notifications: string[];
  close(): Promise<void>;
}

function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    // axe-core is served from our own origin, so the strict CSP (script-src 'self') allows it.
    const path =
      url.pathname === '/__axe.js'
        ? AXE
        : join(RENDERER, normalize(url.pathname === '/' ? '/index.html' : url.pathname));
    try {
      const body = readFileSync(path);
      response.writeHead(200, {
        'Content-Type': MIME[extname(path)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` }),
    ),
  );
}

export async function startApp(
  browser: Browser,
  options: {
    namespace: string;
    settings?: Partial<AppSettings>;
    colorScheme?: 'light' | 'dark';
    locale?: string;
    stateDir?: string;
    /** Starts automatic sending, as the app does (with these timer bounds). */
    autoSend?: Partial<AutoSendTiming>;
    transport?: Transport;
  },
): Promise<AppUnderTest> {
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'triage-app-'));
  const chooser: string[] = [];
  const opened: string[] = [];
  const notifications: string[] = [];
  const { server, url } = await serve();
  const context = await browser.newContext({
    viewport: { width: 1000, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-US',
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const host: DesktopHost = {
    platform: 'win32', // so settings buttons have pages to open (recorded, not opened)
    osLocale: options.locale ?? 'en-US',
    openExternal: async (uri) => {
      opened.push(uri);
    },
    showItemInFolder: (path) => opened.push(`show:${path}`),
    openPath: async (path) => {
      opened.push(`open:${path}`);
      return true;
    },
    chooseBundle: async () => chooser.shift() ?? null,
    emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => {
      void page
        .evaluate(
          ([name, data]) =>
            (window as unknown as { __triageEmit: (n: string, d: unknown) => void }).__triageEmit(name, data),
          [event, payload] as const,
        )
        .catch(() => undefined);
    },
    notify: (title, body) => notifications.push(`${title}: ${body}`),
    startWorker: () => forkWorker(COLLECTOR, ['ip', 'netns', 'exec', options.namespace]),
  };
  const handlers = createHandlers({
    host,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    stateDir,
    ...(options.autoSend ? { autoSendTiming: options.autoSend } : {}),
    ...(options.transport ? { transport: options.transport } : {}),
  });
  await page.exposeFunction('__triageInvoke', async (channel: string, args: unknown[]) => {
    // The sender is our app page, as Electron's frame URL would say; validation is the real one.
    const checked = validateInvocation(channel, `${APP_ORIGIN}/index.html`, args);
    if (!checked.ok) throw new Error(checked.reason);
    return (handlers[checked.channel] as (...a: readonly unknown[]) => Promise<unknown>)(...checked.args);
  });
  await page.addInitScript(
    ([channels, events]) => {
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const invoke = (window as unknown as { __triageInvoke: (c: string, a: unknown[]) => Promise<unknown> })
        .__triageInvoke;
      const bridge: Record<string, unknown> = {};
      for (const channel of channels) bridge[channel] = (...args: unknown[]) => invoke(channel, args);
      bridge.on = (event: string, listener: (payload: unknown) => void) => {
        if (!(events as readonly string[]).includes(event)) throw new Error(`Unknown event ${event}`);
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      };
      Object.defineProperty(window, 'triage', { value: Object.freeze(bridge) });
      Object.defineProperty(window, '__triageEmit', {
        value: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
      });
    },
    [CHANNELS, EVENTS] as const,
  );
  await page.goto(url);
  if (options.autoSend) handlers.autoSend.start();
  return {
    page,
    handlers,
    stateDir,
    chooser,
    opened,
    notifications,
    async close() {
      await handlers.autoSend.stop();
      if (pageErrors.length) throw new Error(`The page threw: ${pageErrors.join('; ')}`);
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
}

/** Runs axe-core on the page; returns serious and critical violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: '/__axe.js' });
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[];
          }>;
        };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
}
