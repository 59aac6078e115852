/**
 * The app's start-up with Electron mocked: one instance only, links registered, navigation and new
 * windows refused, and `--headless` running the CLI with no window at all.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Outbox } from '../../../main/tickets/outbox';

type Listener = (...args: unknown[]) => void;

function electronMock(lock: boolean) {
  const listeners = new Map<string, Listener>();
  const app = {
    requestSingleInstanceLock: vi.fn(() => lock),
    quit: vi.fn(),
    exit: vi.fn(),
    setAsDefaultProtocolClient: vi.fn(),
    on: vi.fn((event: string, listener: Listener) => listeners.set(event, listener)),
    // Ready only for headless runs: the other tests stop before windows exist.
    whenReady: vi.fn(() =>
      process.argv.includes('--headless') ? Promise.resolve() : new Promise(() => undefined),
    ),
    getLocale: () => 'en-US',
  };
  return {
    listeners,
    module: {
      app,
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      BrowserWindow: vi.fn(),
      dialog: {},
      Menu: { buildFromTemplate: vi.fn() },
      nativeImage: { createFromPath: vi.fn() },
      shell: {},
      Tray: vi.fn(),
      utilityProcess: { fork: vi.fn() },
      ipcMain: { handle: vi.fn() },
      safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' },
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('starting the desktop app', () => {
  const argv = process.argv;
  beforeEach(() => vi.resetModules());
  afterEach(() => {
    process.argv = argv;
    vi.doUnmock('electron');
  });

  it('quits at once when another instance is running (which gets the link instead)', async () => {
    const electron = electronMock(false);
    vi.doMock('electron', () => electron.module);
    process.argv = ['triage'];
    await import('../../../main/electron/app.js');
    await flush();
    expect(electron.module.app.quit).toHaveBeenCalled();
    expect(electron.module.BrowserWindow).not.toHaveBeenCalled();
  });

  it('registers triage:// and refuses navigation away from its pages and new windows', async () => {
    const electron = electronMock(true);
    vi.doMock('electron', () => electron.module);
    process.argv = ['triage'];
    await import('../../../main/electron/app.js');
    await flush();
    expect(electron.module.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('triage');
    expect(electron.listeners.has('second-instance')).toBe(true);
    const contentsListeners = new Map<string, Listener>();
    let openHandler: (() => { action: string }) | undefined;
    electron.listeners.get('web-contents-created')?.(
      {},
      {
        on: (e: string, l: Listener) => contentsListeners.set(e, l),
        setWindowOpenHandler: (h: () => { action: string }) => (openHandler = h),
      },
    );
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contentsListeners.get('will-navigate')?.(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://triage/index.html')).toBe(false);
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });

  it('runs the CLI without any window with --headless, and exits with its code', async () => {
    const electron = electronMock(true);
    vi.doMock('electron', () => electron.module);
    process.argv = ['Triage.exe', '--headless', 'version'];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await import('../../../main/electron/app.js');
    await flush();
    write.mockRestore();
    expect(electron.module.app.exit).toHaveBeenCalledWith(0);
    expect(electron.module.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(electron.module.BrowserWindow).not.toHaveBeenCalled();
  });

  it('stores no credential in headless mode when the only key store is the key built into the app', async () => {
    const electron = electronMock(true);
    vi.doMock('electron', () => electron.module);
    process.argv = ['Triage', '--headless', 'credential', 'set', 'rt-token'];
    const stdin = vi
      .spyOn(process, 'stdin', 'get')
      .mockReturnValue(Readable.from(['secret-value-123\n']) as unknown as typeof process.stdin);
    const errors: string[] = [];
    const write = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((text) => errors.push(String(text)) > 0);
    await import('../../../main/electron/app.js');
    await flush();
    write.mockRestore();
    stdin.mockRestore();
    expect(electron.module.app.exit).toHaveBeenCalledWith(3);
    expect(errors.join('')).toMatch(/no secure key store/);
    expect(errors.join('')).not.toContain('secret-value-123');
  });

  it('starts hardened: permissions denied on the session the window uses, no DevTools when packaged, queued reports sent on resume and when the network comes back', async () => {
    const electron = electronMock(true);
    const state = mkdtempSync(join(tmpdir(), 'triage-electron-'));
    process.env.TRIAGE_STATE_DIR = state;
    process.env.TRIAGE_LOG_DIR = join(state, 'logs');
    // A report queued before the app started (the default destination: Documents/Triage at home).
    const home = process.env.HOME;
    process.env.HOME = state;
    writeFileSync(join(state, 'b.zip'), 'PK queued bundle');
    await new Outbox(join(state, 'outbox')).enqueue({
      subject: 'Queued before start',
      description: 'D',
      requester: null,
      category: 'other',
      priority: 'normal',
      bundlePath: join(state, 'b.zip'),
      bundleFileName: 'queued.zip',
    });
    const permissionHandlers: ((...a: unknown[]) => unknown)[] = [];
    const checkHandlers: (() => boolean)[] = [];
    const power = new Map<string, Listener>();
    let online = false;
    const windowOptions: { webPreferences?: { devTools?: boolean } }[] = [];
    Object.assign(electron.module.app, {
      whenReady: vi.fn(() => Promise.resolve()),
      isPackaged: true,
    });
    Object.assign(electron.module, {
      session: {
        defaultSession: {
          setPermissionRequestHandler: (h: (...a: unknown[]) => unknown) => permissionHandlers.push(h),
          setPermissionCheckHandler: (h: () => boolean) => checkHandlers.push(h),
          setProxy: vi.fn(),
        },
      },
      powerMonitor: { on: (event: string, l: Listener) => power.set(event, l) },
      net: { isOnline: () => online, fetch: vi.fn() },
      Notification: Object.assign(vi.fn(), { isSupported: () => false }),
      BrowserWindow: vi.fn(function (this: unknown, options: (typeof windowOptions)[number]) {
        windowOptions.push(options);
        return {
          on: vi.fn(),
          once: vi.fn(),
          loadURL: vi.fn(() => Promise.resolve()),
          webContents: { send: vi.fn() },
        };
      }),
      Tray: vi.fn(function () {
        return { setToolTip: vi.fn(), setContextMenu: vi.fn(), on: vi.fn() };
      }),
      dialog: {},
    });
    vi.doMock('electron', () => electron.module);
    process.argv = ['triage'];
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    try {
      await import('../../../main/electron/app.js');
      await flush();
      // The default session is locked down before any page loads, not only sessions created later.
      expect(permissionHandlers).toHaveLength(1);
      const answer = vi.fn();
      permissionHandlers[0]?.({}, 'media', answer);
      expect(answer).toHaveBeenCalledWith(false);
      expect(checkHandlers[0]?.()).toBe(false);
      expect(windowOptions[0]?.webPreferences?.devTools).toBe(false);
      // Automatic sending listens to the OS: resume from sleep, and a poll of net.isOnline().
      expect(power.has('resume')).toBe(true);
      const poll = setIntervalSpy.mock.calls.find(([, ms]) => ms === 10_000)?.[0] as () => void;
      expect(poll).toBeTypeOf('function');
      poll();
      online = true;
      poll();
      power.get('resume')?.();
      // …and the report queued before the start went out at start, with nobody pressing anything.
      await vi.waitFor(() =>
        expect(readdirSync(join(state, 'Documents', 'Triage')).some((f) => f.endsWith('.zip'))).toBe(true),
      );
    } finally {
      process.env.HOME = home;
      setIntervalSpy.mockRestore();
      delete process.env.TRIAGE_STATE_DIR;
      delete process.env.TRIAGE_LOG_DIR;
    }
  });
});
