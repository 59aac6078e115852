/**
 * Request Tracker 5, through its REST 2.0 API (token auth).
 *
 *   POST /REST/2.0/ticket               the ticket with the bundle attached, CorrelationId = our key
 *   GET  /REST/2.0/tickets?query=…      lookup by the CorrelationId custom field (TicketSQL)
 *   GET  /REST/2.0/ticket/<id>/attachments   after creating: RT silently drops an attachment over
 *                                        $MaxAttachmentSize, so we check it arrived.
 * Auth: `Authorization: token <token>`. Facts checked against a real RT 5 on Debian in the tests
 * (tests/main/tickets/connectors/request-tracker.test.ts; docs/dev/request-tracker.md).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { json, send } from '../http';
import { ConnectorError, type Connector, type TicketPriority, type TicketReceipt } from '../types';
import { httpsUrl, secretSchema } from './settings';

export const requestTrackerSettingsSchema = z.object({
  kind: z.literal('request-tracker'),
  /** RT's base URL, e.g. https://rt.example.org (with its WebPath if it has one: https://example.org/rt). */
  url: httpsUrl,
  queue: z.string().min(1).max(200),
  /** An auth token of a least-privilege RT user (docs/helpdesks.md). */
  token: secretSchema,
  /** The ticket custom field that holds Triage's idempotency key. */
  customField: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9 _-]{0,63}$/)
    .default('CorrelationId'),
});
export type RequestTrackerSettings = z.infer<typeof requestTrackerSettingsSchema>;

/** RT's default priority scale is 0–100 (PriorityAsString: Low 0, Medium 50, High 100). */
const PRIORITY: Readonly<Record<TicketPriority, number>> = { low: 0, normal: 50, high: 100, urgent: 100 };

/** Quotes a value for TicketSQL: single quotes, with backslash and quote escaped. */
export function ticketSqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function createRequestTrackerConnector(settings: RequestTrackerSettings): Connector {
  const base = settings.url.replace(/\/+$/, '');
  const service = 'Request Tracker';
  const headers = { Authorization: `token ${settings.token}`, Accept: 'application/json' };
  const receipt = (id: string | number): TicketReceipt => ({
    id: String(id),
    url: `${base}/Ticket/Display.html?id=${id}`,
  });

  return {
    kind: 'request-tracker',
    destination: `Request Tracker at ${new URL(base).host}, queue ${settings.queue}`,
    async create(submission, context) {
      const bundle = await readFile(submission.bundle.path);
      const body = {
        Queue: settings.queue,
        Subject: submission.subject,
        Content: submission.description,
        ContentType: 'text/plain',
        Priority: PRIORITY[submission.priority],
        ...(submission.requester?.email ? { Requestor: submission.requester.email } : {}),
        CustomFields: { [settings.customField]: submission.idempotencyKey },
        Attachments: [
          {
            FileName: submission.bundle.fileName,
            FileType: 'application/zip',
            FileContent: bundle.toString('base64'),
          },
        ],
      };
      const created = json<{ id?: unknown }>(
        await send(
          {
            method: 'POST',
            url: `${base}/REST/2.0/ticket`,
            service,
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
          context,
        ),
        service,
      );
      if (typeof created.id !== 'number' && typeof created.id !== 'string')
        throw new ConnectorError(
          'bad-response',
          `${service} created something but did not say its ticket id.`,
        );
      const ticket = receipt(created.id);
      // RT may accept the ticket and silently drop an attachment over its size limit.
      let attachments: { items?: { Filename?: unknown; ContentLength?: unknown }[] };
      try {
        attachments = json(
          await send(
            {
              method: 'GET',
              url: `${base}/REST/2.0/ticket/${encodeURIComponent(ticket.id)}/attachments?fields=Filename,ContentLength&per_page=100`,
              service,
              headers,
            },
            context,
          ),
          service,
        );
      } catch (error) {
        // The ticket exists: a retry must find it, not file another.
        const reason = error instanceof ConnectorError ? error.message : String(error);
        throw new ConnectorError(
          'unknown-outcome',
          `Request Tracker created ticket #${ticket.id}, but checking its attachment failed: ${reason}`,
          { cause: error },
        );
      }
      const arrived = (attachments.items ?? []).some(
        (a) =>
          a.Filename === submission.bundle.fileName && Number(a.ContentLength) >= submission.bundle.bytes,
      );
      if (!arrived) {
        throw new ConnectorError(
          'too-large',
          `Request Tracker created ticket #${ticket.id} but dropped the bundle (${Math.round(submission.bundle.bytes / 1024)} KB), most likely because it exceeds $MaxAttachmentSize. IT must raise that limit; the bundle is kept on this computer.`,
        );
      }
      return ticket;
    },
    async findByKey(key, context) {
      const query = `Queue = ${ticketSqlString(settings.queue)} AND 'CF.{${settings.customField}}' = ${ticketSqlString(key)}`;
      const found = json<{ items?: { id?: unknown }[] }>(
        await send(
          {
            method: 'GET',
            url: `${base}/REST/2.0/tickets?query=${encodeURIComponent(query)}&fields=id&per_page=2`,
            service,
            headers,
          },
          context,
        ),
        service,
      );
      const first = found.items?.[0]?.id;
      return typeof first === 'number' || typeof first === 'string' ? receipt(first) : null;
    },
  };
}
