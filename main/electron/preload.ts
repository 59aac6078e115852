/**
 * The renderer's only door to the system: `window.triage`, one method per channel of the IPC
 * contract plus event subscription, and nothing else (no ipcRenderer, no Node). Bundled on its own
 * because sandboxed preloads cannot load other files.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS, EVENTS, type EventName, type EventPayloads, type TriageBridge } from '../ipc/contract';

const invokers = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)]),
);

const bridge = {
  ...invokers,
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    if (!EVENTS.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const wrapped = (_event: unknown, payload: EventPayloads[E]): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
} as unknown as TriageBridge;

contextBridge.exposeInMainWorld('triage', bridge);
// Dropped files carry no path in a sandboxed page; this is the sanctioned way to ask for it.
contextBridge.exposeInMainWorld('triageFiles', {
  pathForFile: (file: Parameters<typeof webUtils.getPathForFile>[0]): string => webUtils.getPathForFile(file),
});
