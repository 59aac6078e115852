/**
 * Pure parsers for os.reboot-pending: is a restart needed to finish something, and why.
 */
import { asArray, asBoolean, asString, prop } from '../../util/parse';

export type RebootReason =
  | 'cbs'
  | 'windows-update'
  | 'file-rename'
  | 'computer-rename'
  | 'configmgr'
  | 'packages'
  | 'kernel-updated'
  | 'needs-restarting'
  | 'os-update';

export interface RebootPendingData {
  pending: boolean;
  reasons: { code: RebootReason; description: string }[];
}

const DESCRIPTIONS: Readonly<Record<RebootReason, string>> = {
  cbs: 'Windows component servicing (CBS) is waiting for a restart to finish installing.',
  'windows-update': 'Windows Update installed updates that take effect after a restart.',
  'file-rename': 'Files are queued to be replaced at the next restart (PendingFileRenameOperations).',
  'computer-rename': 'The computer was renamed; the new name takes effect after a restart.',
  configmgr: 'Configuration Manager (ConfigMgr/SCCM) reports a pending restart.',
  packages: 'Updated packages asked for a restart (/var/run/reboot-required).',
  'kernel-updated': 'A newer kernel is installed than the one running.',
  'needs-restarting': 'needs-restarting reports that core libraries or the kernel were updated.',
  'os-update': 'A macOS update that restarts the Mac is waiting to be installed.',
};

export function pendingFrom(codes: readonly RebootReason[]): RebootPendingData {
  const unique = [...new Set(codes)];
  return {
    pending: unique.length > 0,
    reasons: unique.map((code) => ({ code, description: DESCRIPTIONS[code] })),
  };
}

/** JSON printed by os-reboot-pending.ps1: one boolean per signal. */
export function windowsPending(json: unknown): RebootPendingData {
  const flags: [string, RebootReason][] = [
    ['cbsRebootPending', 'cbs'],
    ['windowsUpdateRebootRequired', 'windows-update'],
    ['pendingFileRenames', 'file-rename'],
    ['computerRenamePending', 'computer-rename'],
    ['configMgrRebootPending', 'configmgr'],
  ];
  return pendingFrom(flags.filter(([key]) => asBoolean(prop(json, key)) === true).map(([, code]) => code));
}

/** Compares kernel release strings by their numeric parts: "6.1.0-28-amd64" < "6.1.0-30-amd64". */
export function compareKernels(a: string, b: string): number {
  const pa = a
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map(Number);
  const pb = b
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * A newer kernel is installed than the one running. Only said when the running kernel's own modules
 * are installed too: in containers and VMs booted from an outside kernel, /lib/modules says nothing.
 */
export function kernelUpdated(running: string, installed: readonly string[]): boolean {
  if (!installed.includes(running)) return false;
  return installed.some((k) => compareKernels(k, running) > 0);
}

/** macOS: RecommendedUpdates from com.apple.SoftwareUpdate (plutil -extract … json). */
export function macosPending(recommended: unknown): RebootPendingData {
  const osUpdate = asArray(recommended).some((u) => {
    const id = `${asString(prop(u, 'Identifier')) ?? ''} ${asString(prop(u, 'Display Name')) ?? ''}`;
    return /macOS|MSU_UPDATE|Security Response|Background Security/i.test(id);
  });
  return pendingFrom(osUpdate ? ['os-update'] : []);
}
