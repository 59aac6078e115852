/**
 * GLPI, through its legacy REST API (apirest.php):
 *
 *   GET  initSession, killSession            a session per submission, always closed
 *   POST Ticket, Document, Document_Item     the ticket, the bundle, and the link between them
 *   GET  search/Ticket?…, Ticket/<id>/Document_Item   lookup by key, is the bundle linked?
 * Every call after initSession carries Session-Token (and App-Token when configured). GLPI has no
 * idempotency key: Triage's key is written into the ticket's content ("Triage report <key>") and
 * found with the search API (field 21 = content). A ticket counts as filed only with its document,
 * so a failed upload is finished on the next attempt, never filed twice.
 * GLPI's upload cap (document_max_size, as low as 2 MB) answers with an error: 'too-large', naming it.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { json, send, type HttpRequest } from '../http';
import {
  ConnectorError,
  type Connector,
  type ConnectorContext,
  type TicketPriority,
  type TicketReceipt,
} from '../types';
import { httpsUrl, secretSchema } from './settings';

export const glpiSettingsSchema = z.object({
  kind: z.literal('glpi'),
  /** GLPI's API root, e.g. https://glpi.contoso.com/apirest.php */
  apiUrl: httpsUrl,
  userToken: secretSchema,
  appToken: secretSchema.optional(),
});
export type GlpiSettings = z.infer<typeof glpiSettingsSchema>;

/** GLPI urgency: 5 very high … 1 very low. */
const URGENCY: Readonly<Record<TicketPriority, number>> = { urgent: 5, high: 4, normal: 3, low: 2 };
/** The search option of a ticket's content (description) in GLPI's Ticket search. */
const CONTENT_FIELD = '21';
const marker = (key: string): string => `Triage report ${key}`;

export function createGlpiConnector(settings: GlpiSettings): Connector {
  const base = settings.apiUrl.replace(/\/+$/, '');
  const service = 'GLPI';
  const app: Record<string, string> = settings.appToken ? { 'App-Token': settings.appToken } : {};
  const webBase = base.replace(/\/apirest\.php$/, '');
  const receipt = (id: number | string): TicketReceipt => ({
    id: String(id),
    url: `${webBase}/front/ticket.form.php?id=${id}`,
  });

  /** Runs work inside a session, and always ends the session. */
  const inSession = async <T>(
    context: ConnectorContext,
    work: (call: (request: Omit<HttpRequest, 'service'>) => ReturnType<typeof send>) => Promise<T>,
  ): Promise<T> => {
    const opened = json<{ session_token?: string }>(
      await send(
        {
          method: 'GET',
          url: `${base}/initSession`,
          service,
          headers: { Authorization: `user_token ${settings.userToken}`, ...app },
        },
        context,
      ),
      service,
    );
    if (!opened.session_token) throw new ConnectorError('bad-response', `${service} opened no session.`);
    const headers = { 'Session-Token': opened.session_token, ...app, Accept: 'application/json' };
    try {
      return await work((request) =>
        send({ ...request, service, headers: { ...headers, ...request.headers } }, context),
      );
    } finally {
      await send({ method: 'GET', url: `${base}/killSession`, service, headers }, context).catch(
        () => undefined,
      );
    }
  };

  type Call = Parameters<Parameters<typeof inSession>[1]>[0];
  const ticketByKey = async (
    call: Call,
    key: string,
  ): Promise<{ id: number; documented: boolean } | null> => {
    const query = new URLSearchParams({
      'criteria[0][field]': CONTENT_FIELD,
      'criteria[0][searchtype]': 'contains',
      'criteria[0][value]': marker(key),
      'forcedisplay[0]': '2',
    });
    const found = json<{ data?: Record<string, unknown>[] }>(
      await call({ method: 'GET', url: `${base}/search/Ticket?${query.toString()}` }),
      service,
    );
    const id = Number(found.data?.[0]?.['2']);
    if (!Number.isInteger(id) || id <= 0) return null;
    const items = json<unknown[]>(
      await call({ method: 'GET', url: `${base}/Ticket/${id}/Document_Item` }),
      service,
    );
    return { id, documented: Array.isArray(items) && items.length > 0 };
  };

  return {
    kind: 'glpi',
    destination: `GLPI at ${new URL(base).host}`,
    create: (submission, context) =>
      inSession(context, async (call) => {
        let ticket = await ticketByKey(call, submission.idempotencyKey);
        if (ticket?.documented) return receipt(ticket.id);
        if (!ticket) {
          const input = {
            name: submission.subject,
            content: `${submission.description}\n\n${marker(submission.idempotencyKey)}`,
            urgency: URGENCY[submission.priority],
            type: 1,
          };
          const created = json<{ id?: number }>(
            await call({
              method: 'POST',
              url: `${base}/Ticket`,
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ input }),
            }),
            service,
          );
          if (!created.id)
            throw new ConnectorError(
              'bad-response',
              `${service} created something but did not say its ticket id.`,
            );
          ticket = { id: created.id, documented: false };
        }
        try {
          const form = new FormData();
          form.append(
            'uploadManifest',
            JSON.stringify({
              input: { name: submission.bundle.fileName, _filename: [submission.bundle.fileName] },
            }),
          );
          form.append(
            'filename[0]',
            new Blob([new Uint8Array(await readFile(submission.bundle.path))], { type: 'application/zip' }),
            submission.bundle.fileName,
          );
          const document = json<{ id?: number; upload_result?: unknown }>(
            await call({ method: 'POST', url: `${base}/Document`, body: form }),
            service,
          );
          if (!document.id)
            throw new ConnectorError(
              'too-large',
              `${service} did not keep the bundle (${Math.round(submission.bundle.bytes / 1024)} KB): probably over its upload limit. IT must raise "document_max_size" in GLPI (Setup > General > Assistance) or PHP's upload_max_filesize.`,
            );
          await call({
            method: 'POST',
            url: `${base}/Document_Item`,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              input: { documents_id: document.id, itemtype: 'Ticket', items_id: ticket.id },
            }),
          });
        } catch (error) {
          if (!(error instanceof ConnectorError)) throw error;
          // GLPI reports an oversized upload as a 400 with ERROR_UPLOAD_FILE_TOO_BIG… or "too large".
          if (
            error.kind === 'too-large' ||
            (error.kind === 'rejected' && /too (big|large)|FILE_TOO_BIG/i.test(error.message))
          )
            throw new ConnectorError(
              'too-large',
              `${service} refused the bundle as too large. IT must raise "document_max_size" in GLPI (Setup > General > Assistance) or PHP's upload_max_filesize.`,
              { cause: error },
            );
          if (error.permanent) throw error;
          throw new ConnectorError(
            'unknown-outcome',
            `${service} created ticket ${ticket.id}, but attaching the bundle failed: ${error.message}`,
            { cause: error },
          );
        }
        return receipt(ticket.id);
      }),
    findByKey: (key, context) =>
      inSession(context, async (call) => {
        const ticket = await ticketByKey(call, key);
        return ticket?.documented ? receipt(ticket.id) : null;
      }),
  };
}
