/**
 * The one place that calls ipcMain.handle: every call is checked (sender, channel, arguments) by
 * validateInvocation before its handler runs. Refusals are logged and answered with an error.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Handlers } from '../app/handlers';
import { CHANNELS } from '../ipc/contract';
import { validateInvocation } from '../ipc/validate';
import type { Logger } from '../../probes/types';

export function registerIpc(handlers: Handlers, log: Logger): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const checked = validateInvocation(channel, event.senderFrame?.url, args);
      if (!checked.ok) {
        log.warn('IPC call refused', { channel, reason: checked.reason });
        throw new Error(checked.reason);
      }
      const handler = handlers[checked.channel] as (...a: readonly unknown[]) => Promise<unknown>;
      return handler(...checked.args);
    });
  }
}
