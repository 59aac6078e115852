/**
 * The built-in destination when no helpdesk is configured: the bundle and the ticket text land in a
 * folder (by default the user's Documents/Triage), and the user is told where, to send it themselves.
 * Filing twice with the same key writes the same files again: nothing is duplicated.
 */
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { copyFileDurable, writeFileDurable } from '../../fs-durable';
import { ConnectorError, type Connector, type TicketSubmission } from '../types';

export const localFolderSettingsSchema = z.object({
  kind: z.literal('local-folder'),
  /** Absolute path; default: Documents/Triage in the user's home. */
  folder: z.string().min(1).optional(),
});
export type LocalFolderSettings = z.infer<typeof localFolderSettingsSchema>;

export function defaultReportsFolder(): string {
  return join(os.homedir(), 'Documents', 'Triage');
}

function baseName(submission: TicketSubmission): string {
  return submission.bundle.fileName.replace(/\.zip$/i, '');
}

export function createLocalFolderConnector(settings: LocalFolderSettings): Connector {
  const folder = settings.folder ?? defaultReportsFolder();
  return {
    kind: 'local-folder',
    destination: `the folder ${folder}`,
    async create(submission) {
      try {
        await mkdir(folder, { recursive: true });
        const name = baseName(submission);
        const saved = join(folder, `${name}.zip`);
        await copyFileDurable(submission.bundle.path, saved);
        await writeFileDurable(
          join(folder, `${name}.txt`),
          `${submission.subject}\n\n${submission.description}\n`,
          0o644,
        );
        // The "URL" of a saved report is the file itself, which the app can show in its folder.
        return { id: name, url: saved };
      } catch (error) {
        throw new ConnectorError(
          'config',
          `The report could not be saved in ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Choose another folder.`,
          { cause: error },
        );
      }
    },
    async findByKey() {
      // Saving again overwrites the same two files, so there is nothing to look up.
      return null;
    },
  };
}
