/**
 * `triage://` links, from the Company Portal, an intranet page or a shortcut. Any web page can open
 * such a link, so what it may ask for is small and checked: open "Get help", or open a bundle that
 * is a local .zip file. Network paths (\\server\share, //server) are refused: opening one would send
 * the user's Windows credentials to that server.
 */
import { isAbsolute } from 'node:path';
import type { StartRoute } from '../ipc/contract';

export const PROTOCOL = 'triage';

export type DeepLinkResult =
  { readonly ok: true; readonly route: StartRoute } | { readonly ok: false; readonly reason: string };

/**
 * Refuses anything but an absolute local path to a .zip file. Separators are read the way Windows
 * reads them (`/` and `\` alike), so `/\host\share`, `\/host/share`, `\\?\UNC\host`, `\\.\pipe` and
 * `\??\` device paths are all refused as network or device paths, on every OS.
 */
export function checkLocalBundlePath(path: string): string | null {
  // Control characters are exactly what this looks for.
  // eslint-disable-next-line no-control-regex
  if (/[\0-\x1f\x7f]/.test(path)) return 'the path holds control characters';
  const windows = path.replace(/\//g, '\\');
  if (/^\\\\/.test(windows) || /^\\\?\?\\/.test(windows) || /^[a-z][a-z0-9+.-]+:\/\//i.test(path))
    return 'network paths and URLs cannot be opened this way';
  if (!isAbsolute(path) && !/^[A-Za-z]:[\\/]/.test(path)) return 'the path must be absolute';
  if (!/\.zip$/i.test(path)) return 'only .zip bundles can be opened';
  return null;
}

export function parseDeepLink(link: string): DeepLinkResult {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { ok: false, reason: 'it is not a valid link' };
  }
  if (url.protocol !== `${PROTOCOL}:`) return { ok: false, reason: `it is not a ${PROTOCOL}:// link` };
  // triage://get-help → host "get-help"; triage:get-help → pathname "get-help".
  const action = (url.host || url.pathname.replace(/^\/+/, '')).toLowerCase().replace(/\/+$/, '');
  if (action === 'get-help' || action === '') return { ok: true, route: { screen: 'get-help' } };
  if (action === 'open') {
    const path = url.searchParams.get('path');
    if (path === null) return { ok: true, route: { screen: 'technician', bundle: null } };
    const problem = checkLocalBundlePath(path);
    if (problem) return { ok: false, reason: problem };
    return { ok: true, route: { screen: 'technician', bundle: path } };
  }
  return { ok: false, reason: `"${action}" is not something Triage links can do` };
}

/** The first triage:// argument on a command line (Windows and Linux pass links as arguments). */
export function findDeepLink(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${PROTOCOL}:`)) ?? null;
}
