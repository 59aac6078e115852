/**
 * A desktop shell for the app's handlers in plain Node: nothing opens, nothing is shown; what the
 * app asks of it is recorded (notifications, folders shown). Checks run only where a test says how.
 */
import type { DesktopHost } from '../../main/app/handlers';

export function testHost(overrides: Partial<DesktopHost> = {}): DesktopHost & {
  readonly notifications: string[];
  readonly shown: string[];
} {
  const notifications: string[] = [];
  const shown: string[] = [];
  return {
    platform: 'linux',
    osLocale: 'en-US',
    openExternal: async () => undefined,
    showItemInFolder: (path) => shown.push(path),
    chooseBundle: async () => null,
    emit: () => undefined,
    notify: (title, body) => notifications.push(`${title}: ${body}`),
    startWorker: () => {
      throw new Error('no checks in this test');
    },
    ...overrides,
    notifications,
    shown,
  };
}
