/**
 * The Electron corner, with Electron mocked: hardened windows, one guarded IPC entry point, a
 * single instance, and the headless mode.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const handle = vi.fn<(channel: string, listener: unknown) => void>();
vi.mock('electron', () => ({ ipcMain: { handle } }));

describe('windows', () => {
  it('are isolated, sandboxed and without Node', async () => {
    const { windowOptions, CONTENT_SECURITY_POLICY } =
      await import('../../../main/electron/window-options.js');
    const prefs = windowOptions('/app/preload.js', 'Triage', { devTools: false }).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: '/app/preload.js',
      devTools: false,
    });
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
  });
});

describe('the IPC entry point', () => {
  beforeEach(() => handle.mockReset());

  it('registers every channel once, checks the sender and the arguments, then calls the handler', async () => {
    const { registerIpc } = await import('../../../main/electron/ipc.js');
    const { CHANNELS } = await import('../../../main/ipc/contract.js');
    const calls: unknown[][] = [];
    const handlers = Object.fromEntries(
      CHANNELS.map((c) => [c, async (...args: unknown[]) => (calls.push([c, ...args]), 'result')]),
    );
    const warnings: string[] = [];
    registerIpc(handlers as never, {
      debug() {},
      info() {},
      warn: (m: string) => warnings.push(m),
      error() {},
    });
    expect(handle.mock.calls.map((c) => c[0]).sort()).toEqual([...CHANNELS].sort());
    const listener = handle.mock.calls.find((c) => c[0] === 'settings:open')?.[1] as (
      event: unknown,
      ...args: unknown[]
    ) => Promise<unknown>;
    await expect(listener({ senderFrame: { url: 'app://triage/index.html' } }, 'wifi')).resolves.toBe(
      'result',
    );
    expect(calls).toEqual([['settings:open', 'wifi']]);
    await expect(listener({ senderFrame: { url: 'https://evil.example/' } }, 'wifi')).rejects.toThrow(
      /untrusted/,
    );
    await expect(
      listener({ senderFrame: { url: 'app://triage/index.html' } }, 'ms-settings:evil'),
    ).rejects.toThrow(/Invalid arguments/);
    expect(calls).toHaveLength(1);
    expect(warnings).toEqual(['IPC call refused', 'IPC call refused']);
  });
});
