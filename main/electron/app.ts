// Headless runs use the same probes as the CLI; see main/cli/triage.ts for why this matters.
process.env.UV_THREADPOOL_SIZE ??= '16';

/**
 * The desktop app: a tray icon with "Get help", one hardened window, triage:// links, a single
 * instance, and closing to the tray. Everything it does is in main/app/handlers.ts (plain Node);
 * this file only does what needs Electron.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
  Tray,
  utilityProcess,
} from 'electron';
import { createHandlers, type DesktopHost } from '../app/handlers';
import { main as runCli } from '../cli/triage';
import { findDeepLink, parseDeepLink, PROTOCOL } from '../app/deep-link';
import { COLLECTOR_MODULE, type WorkerHandle } from '../app/worker';
import type { EventName, EventPayloads, StartRoute } from '../ipc/contract';
import { APP_ORIGIN, isAppUrl } from '../ipc/validate';
import { createRunLog, formatLogEntry } from '../log';
import { currentScope, logFileSink, logsDir } from '../log-file';
import { loadPolicy } from '../policy/load';
import { stateDir } from '../paths';
import type { AppSettings } from '../app/settings';
import { DEFAULT_HELPDESK } from '../tickets/connectors';
import {
  CredentialError,
  installCredentialStore,
  resolveProxyWithInstalled,
  resolveWithInstalled,
} from '../tickets/credentials';
import { chromiumProxyConfig } from '../tickets/proxy';
import type { Transport } from '../tickets/types';
import { registerIpc } from './ipc';
import { appCredentialStore } from './safe-storage';
import { CONTENT_SECURITY_POLICY, windowOptions } from './window-options';

const RENDERER_DIR = join(__dirname, '..', '..', '..', 'renderer', 'dist');
const PRELOAD = join(__dirname, 'preload.js');
const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const toFile = logFileSink(logsDir(currentScope()), 'triage-app');
const log = createRunLog((entry) => {
  toFile(entry);
  process.stderr.write(`${formatLogEntry(entry)}\n`);
});
let window: BrowserWindow | null = null;
let tray: Tray | null = null;
let quitting = false;

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);

function startWorker(): WorkerHandle {
  const child = utilityProcess.fork(COLLECTOR_MODULE, [], { serviceName: 'Triage checks' });
  return {
    send: (message) => child.postMessage(message),
    // The utility process is our own collector-process module: its messages are WorkerOutbound.
    onMessage: (listener) => child.on('message', (m) => listener(m as Parameters<typeof listener>[0])),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill(),
  };
}

/** Serves renderer/dist under app://triage/ with the strict CSP; nothing outside that folder. */
async function serveRenderer(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const relative = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)).replace(
    /^([/\\])+/,
    '',
  );
  const path = join(RENDERER_DIR, relative);
  if (!path.startsWith(RENDERER_DIR)) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(path);
    return new Response(body, {
      headers: {
        'Content-Type': MIME[extname(path)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

function showWindow(route: StartRoute | null): void {
  if (!window) return;
  if (route) window.webContents.send('route', route);
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function handleLink(link: string | null): StartRoute | null {
  if (!link) return null;
  const parsed = parseDeepLink(link);
  if (!parsed.ok) {
    log.logger.warn('A triage:// link was refused', { reason: parsed.reason });
    return { screen: 'get-help' };
  }
  return parsed.route;
}

/**
 * `Triage --headless <command> …` runs the CLI inside the installed app, with no window: how scripts
 * and Intune remediation use Triage, since the hardened build cannot run as plain Node.
 */
async function headless(args: readonly string[]): Promise<void> {
  // safeStorage (the credential store) works only once the app is ready; no window is created.
  await app.whenReady();
  installCredentialStore(appCredentialStore());
  app.exit(await runCli(args));
}

/**
 * The helpdesk and proxy settings with `credential:NAME` secrets filled in; the local folder when a
 * helpdesk secret is missing, no proxy sign-in when the proxy's is.
 */
async function withCredentials(settings: AppSettings, warnings: string[]): Promise<AppSettings> {
  const proxy = await resolveProxyWithInstalled(settings.proxy).catch((error: unknown) => {
    if (!(error instanceof CredentialError)) throw error;
    warnings.push(`${error.message} Until then, the proxy is used without signing in.`);
    return settings.proxy && { ...settings.proxy, user: null, password: null };
  });
  try {
    return { ...settings, proxy, helpdesk: await resolveWithInstalled(settings.helpdesk) };
  } catch (error) {
    if (!(error instanceof CredentialError)) throw error;
    // Reports are then saved on this computer (and the user told where) rather than lost.
    warnings.push(`${error.message} Until then, reports are saved in a local folder.`);
    return { ...settings, proxy, helpdesk: DEFAULT_HELPDESK };
  }
}

function denyPermissions(target: Electron.Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

/** How often the app asks Chromium whether the computer is online (there is no event for it). */
const ONLINE_POLL_MS = 10_000;

/**
 * How the app's reports leave the machine. Normally Chromium's network stack (net.fetch): the system
 * proxy, PAC and WPAD, Negotiate/NTLM sign-in as the user, with a policy proxy applied to it. A
 * Basic sign-in from policy cannot be handed to net.fetch (Chromium asks for it through an event
 * only requests of its own kind get), so with ProxyUser/ProxyPassword the app uses Triage's own proxy
 * client, the one headless runs use (main/tickets/proxy.ts).
 */
function reportTransport(proxy: AppSettings['proxy']): Transport | undefined {
  if (proxy?.user && proxy.password) return undefined;
  const config = chromiumProxyConfig(proxy);
  if (config) void session.defaultSession.setProxy(config);
  return (url, init) => net.fetch(url, init);
}

async function main(): Promise<void> {
  const headlessAt = process.argv.indexOf('--headless');
  if (headlessAt >= 0) return headless(process.argv.slice(headlessAt + 1));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.setAsDefaultProtocolClient(PROTOCOL);
  let pendingRoute = handleLink(findDeepLink(process.argv));
  app.on('second-instance', (_event, argv) =>
    showWindow(handleLink(findDeepLink(argv)) ?? { screen: 'get-help' }),
  );
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const route = handleLink(url);
    if (window) showWindow(route);
    else pendingRoute = route;
  });
  // No page of ours ever navigates away or opens windows; anything that tries is refused.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  await app.whenReady();
  protocol.handle('app', serveRenderer);
  // Our pages need no permission of any kind (camera, notifications, geolocation…). The window
  // uses the default session, which exists before any 'session-created' listener could see it.
  denyPermissions(session.defaultSession);
  app.on('session-created', denyPermissions);

  const host: DesktopHost = {
    platform: process.platform as DesktopHost['platform'],
    osLocale: app.getLocale(),
    openExternal: (uri) => shell.openExternal(uri),
    showItemInFolder: (path) => shell.showItemInFolder(path),
    // shell.openPath answers with an error message, or '' when a program opened the file.
    openPath: async (path) => (await shell.openPath(path)) === '',
    chooseBundle: async () => {
      const result = await dialog.showOpenDialog({
        title: 'Open a Triage bundle',
        filters: [{ name: 'Triage bundle', extensions: ['zip'] }],
        properties: ['openFile'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    emit: <E extends EventName>(event: E, payload: EventPayloads[E]) =>
      window?.webContents.send(event, payload),
    notify: (title, body) => {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      notification.on('click', () => showWindow({ screen: 'get-help' }));
      notification.show();
    },
    startWorker,
  };
  const policy = await loadPolicy();
  installCredentialStore(appCredentialStore());
  const warnings = [...policy.warnings];
  const settings = await withCredentials(policy.settings, warnings);
  for (const warning of warnings) log.logger.warn(`Policy: ${warning}`);
  const transport = reportTransport(settings.proxy);
  const handlers = createHandlers({
    host,
    settings,
    policyWarnings: warnings,
    stateDir: stateDir('user'),
    startRoute: pendingRoute,
    ...(transport ? { transport } : {}),
    log: log.logger,
  });
  registerIpc(handlers, log.logger);
  // Queued reports go by themselves: now, on a timer, when the network comes back, after sleep.
  handlers.autoSend.start();
  powerMonitor.on('resume', () => handlers.autoSend.wake('resume'));
  setInterval(() => handlers.autoSend.networkChanged(net.isOnline()), ONLINE_POLL_MS).unref();
  app.on('will-quit', () => void handlers.autoSend.stop());

  // DevTools only in development: a packaged build gives nobody a console into the app.
  window = new BrowserWindow(
    windowOptions(PRELOAD, policy.settings.productName, { devTools: !app.isPackaged }),
  );
  window.on('close', (event) => {
    // Closing hides to the tray, so a check in progress or a queued report keeps going.
    if (!quitting) {
      event.preventDefault();
      window?.hide();
    }
  });
  window.once('ready-to-show', () => window?.show());
  await window.loadURL(`${APP_ORIGIN}/index.html`);

  tray = new Tray(nativeImage.createFromPath(join(RENDERER_DIR, 'tray.png')));
  tray.setToolTip(`${policy.settings.productName} — Get help`);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Get help', click: () => showWindow({ screen: 'get-help' }) },
      { label: 'Open a bundle (IT)', click: () => showWindow({ screen: 'technician', bundle: null }) },
      { type: 'separator' },
      { label: 'Quit Triage', click: () => app.quit() },
    ]),
  );
  tray.on('click', () => showWindow({ screen: 'get-help' }));
  app.on('before-quit', () => {
    quitting = true;
  });
}

main().catch((error: unknown) => {
  log.logger.error('Triage could not start', { error: error instanceof Error ? error.stack : String(error) });
  app.exit(1);
});
