/**
 * Checks every IPC call before a handler sees it: it must come from the app's own page, name a
 * channel of the contract, and carry arguments that match the channel's schema. Pure, so it is
 * tested without Electron.
 */
import { channels, type Channel } from './contract';

/** The origin the app's pages are served from (a custom protocol, not file://). */
export const APP_ORIGIN = 'app://triage';

export type Invocation =
  | { readonly ok: true; readonly channel: Channel; readonly args: readonly unknown[] }
  | { readonly ok: false; readonly reason: string };

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function validateInvocation(
  channel: string,
  senderUrl: string | null | undefined,
  args: readonly unknown[],
): Invocation {
  if (!senderUrl || !isAppUrl(senderUrl))
    return { ok: false, reason: `IPC from an untrusted page (${senderUrl ?? 'unknown'}) was refused.` };
  if (!Object.hasOwn(channels, channel)) return { ok: false, reason: `"${channel}" is not an IPC channel.` };
  const parsed = channels[channel as Channel].args.safeParse(args);
  if (!parsed.success)
    return {
      ok: false,
      reason: `Invalid arguments for ${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'} ${i.message}`).join('; ')}`,
    };
  return { ok: true, channel: channel as Channel, args: parsed.data };
}
