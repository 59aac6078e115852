/**
 * OS settings pages Triage may open for the user, by platform. Only these fixed URIs can ever be
 * opened: the renderer names a page, never a URI.
 */
import type { SettingsPage } from '../../probes/findings/types';

type Table = Readonly<Partial<Record<SettingsPage, string>>>;

const WINDOWS: Table = {
  network: 'ms-settings:network-status',
  wifi: 'ms-settings:network-wifi',
  proxy: 'ms-settings:network-proxy',
  vpn: 'ms-settings:network-vpn',
  storage: 'ms-settings:storagesense',
  updates: 'ms-settings:windowsupdate',
  'date-time': 'ms-settings:dateandtime',
  power: 'ms-settings:powersleep',
  display: 'ms-settings:display',
  security: 'windowsdefender:',
  firewall: 'windowsdefender://network',
  accounts: 'ms-settings:signinoptions',
  'work-access': 'ms-settings:workplace',
};

// System Settings (macOS 13+) pane identifiers.
const MACOS: Table = {
  network: 'x-apple.systempreferences:com.apple.Network-Settings.extension',
  wifi: 'x-apple.systempreferences:com.apple.wifi-settings-extension',
  proxy: 'x-apple.systempreferences:com.apple.Network-Settings.extension',
  vpn: 'x-apple.systempreferences:com.apple.NetworkExtensionSettingsUI.NESettingsUIExtension',
  storage: 'x-apple.systempreferences:com.apple.settings.Storage',
  updates: 'x-apple.systempreferences:com.apple.Software-Update-Settings.extension',
  'date-time': 'x-apple.systempreferences:com.apple.Date-Time-Settings.extension',
  power: 'x-apple.systempreferences:com.apple.Battery-Settings.extension',
  display: 'x-apple.systempreferences:com.apple.Displays-Settings.extension',
  security: 'x-apple.systempreferences:com.apple.settings.PrivacySecurity.extension',
  firewall: 'x-apple.systempreferences:com.apple.Network-Settings.extension?Firewall',
  accounts: 'x-apple.systempreferences:com.apple.Lock-Screen-Settings.extension',
  'work-access': 'x-apple.systempreferences:com.apple.Profiles-Settings.extension',
};

/** The URI that opens a settings page, or null where the OS has no stable way (most Linux desktops). */
export function settingsUri(platform: NodeJS.Platform, page: SettingsPage): string | null {
  const table = platform === 'win32' ? WINDOWS : platform === 'darwin' ? MACOS : {};
  return table[page] ?? null;
}

/** The pages this platform can open, so the app offers a button only where one works. */
export function openableSettingsPages(platform: NodeJS.Platform): SettingsPage[] {
  const table = platform === 'win32' ? WINDOWS : platform === 'darwin' ? MACOS : {};
  return Object.keys(table) as SettingsPage[];
}
