/**
 * The renderer's only way to reach the system: `window.triage`, typed from the IPC contract.
 */
import type { TriageBridge } from '../../main/ipc/contract';

declare global {
  interface Window {
    readonly triage: TriageBridge;
    readonly triageFiles?: { pathForFile(file: File): string };
  }
}

export const triage = (): TriageBridge => window.triage;

/** The local path of a dropped file, when the shell can tell (Electron), else null. */
export function pathOfDroppedFile(file: File): string | null {
  try {
    return window.triageFiles?.pathForFile(file) || null;
  } catch {
    return null;
  }
}
