/**
 * E-mail: an .eml message with the bundle attached, saved to a folder and (in the desktop app)
 * opened in the user's mail client as a draft ready to send (`X-Unsent: 1`, honoured by Outlook,
 * Apple Mail and Thunderbird). No SMTP credentials on the endpoint: the user's own mail client sends.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../../fs-durable';
import { ConnectorError, type Connector, type TicketSubmission } from '../types';
import { defaultReportsFolder } from './local-folder';

export const emailSettingsSchema = z.object({
  kind: z.literal('email'),
  to: z.email({ message: 'must be an e-mail address, like helpdesk@example.org' }),
  folder: z.string().min(1).optional(),
});
export type EmailSettings = z.infer<typeof emailSettingsSchema>;

/** RFC 2047 encoding: any header text becomes one safe line (no CR/LF can break out of it). */
function encodeHeader(text: string): string {
  return `=?UTF-8?B?${Buffer.from(text.replace(/[\r\n]+/g, ' '), 'utf8').toString('base64')}?=`;
}

function base64Lines(content: Buffer): string {
  return (content.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** Builds the message. Pure apart from its inputs, for tests. */
export function buildEml(submission: TicketSubmission, to: string, bundle: Buffer, date: Date): string {
  const boundary = `triage-${submission.idempotencyKey}`;
  const fileName = submission.bundle.fileName.replace(/["\r\n\\]/g, '_');
  const headers = [
    `To: ${to}`,
    `Subject: ${encodeHeader(submission.subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    // The key makes the Message-ID stable: a resent copy is recognisably the same report.
    `Message-ID: <${submission.idempotencyKey}@triage.invalid>`,
    'MIME-Version: 1.0',
    'X-Unsent: 1',
    `X-Triage-Key: ${submission.idempotencyKey}`,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  if (submission.requester?.email)
    headers.push(`Reply-To: ${submission.requester.email.replace(/[\r\n<>,;]/g, '')}`);
  return [
    ...headers,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(submission.description, 'utf8')),
    `--${boundary}`,
    `Content-Type: application/zip; name="${fileName}"`,
    `Content-Disposition: attachment; filename="${fileName}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(bundle),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

export function createEmailConnector(settings: EmailSettings): Connector {
  const folder = settings.folder ?? defaultReportsFolder();
  return {
    kind: 'email',
    destination: `an e-mail to ${settings.to}`,
    async create(submission) {
      try {
        await mkdir(folder, { recursive: true });
        const path = join(folder, submission.bundle.fileName.replace(/\.zip$/i, '.eml'));
        await writeFileDurable(
          path,
          buildEml(
            submission,
            settings.to,
            await readFile(submission.bundle.path),
            new Date(submission.createdAt),
          ),
          0o600,
        );
        return { id: `<${submission.idempotencyKey}@triage.invalid>`, url: path };
      } catch (error) {
        throw new ConnectorError(
          'config',
          `The e-mail could not be saved in ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
          { cause: error },
        );
      }
    },
    async findByKey() {
      return null; // writing the same .eml again is harmless
    },
  };
}
