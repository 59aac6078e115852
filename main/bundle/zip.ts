/**
 * Writes a zip atomically: to a temporary file beside the target, flushed to disk, then renamed,
 * so a crash or power loss never leaves a half-written bundle under the real name.
 */
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/** A fixed time for every entry, so the same content always zips to the same bytes. */
const ENTRY_MTIME = new Date('2000-01-01T00:00:00Z');

export async function writeZipAtomic(path: string, files: ReadonlyMap<string, Buffer>): Promise<number> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const zip = new yazl.ZipFile();
  for (const [name, content] of files) zip.addBuffer(content, name, { mtime: ENTRY_MTIME, mode: 0o644 });
  zip.end();
  try {
    await pipeline(zip.outputStream, createWriteStream(temporary, { mode: 0o600 }));
    const handle = await open(temporary, 'r+');
    let size: number;
    try {
      await handle.sync();
      size = (await handle.stat()).size;
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    return size;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
