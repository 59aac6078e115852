/**
 * A desktop shell for the app's handlers in plain Node: nothing opens, nothing is shown; what the
 * app asks of it is recorded (notifications, folders shown, files opened). Checks run only where a test says how.
 */
import type { DesktopHost } from '../../main/app/handlers';

export function testHost(overrides: Partial<DesktopHost> = {}): DesktopHost & {
  readonly notifications: string[];
  readonly shown: string[];
  readonly opened: string[];
} {
  const notifications: string[] = [];
  const shown: string[] = [];
  const opened: string[] = [];
  return {
    platform: 'linux',
    osLocale: 'en-US',
    openExternal: async () => undefined,
    showItemInFolder: (path) => shown.push(path),
    openPath: async (path) => {
      opened.push(path);
      return true;
    },
    chooseBundle: async () => null,
    emit: () => undefined,
    notify: (title, body) => notifications.push(`${title}: ${body}`),
    startWorker: () => {
      throw new Error('no checks in this test');
    },
    ...overrides,
    notifications,
    shown,
    opened,
  };
}
