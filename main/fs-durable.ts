/**
 * Writes that survive a crash or a power cut: write a temporary file, flush it to disk, rename it
 * over the target, then flush the folder so the rename itself is on disk. A reader sees the old
 * content or the new, never half of either.
 */
import { constants } from 'node:fs';
import { copyFile, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Flushes a folder's entries (renames, new files) to disk. Windows cannot open folders; NTFS journals renames. */
export async function syncDir(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(path, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileDurable(path: string, content: string | Buffer, mode = 0o600): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  const handle = await open(temporary, 'w', mode);
  try {
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    // A full disk or a failed rename must not leave a temporary file behind for good.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDir(dirname(path));
}

export async function copyFileDurable(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  const handle = await open(to, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
