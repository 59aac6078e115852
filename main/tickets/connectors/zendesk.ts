/**
 * Zendesk Support, through the agent Tickets API:
 *
 *   POST /api/v2/uploads                   the bundle → an upload token
 *   POST /api/v2/tickets                   the ticket with that upload, external_id = our key,
 *                                          and the Idempotency-Key header
 *   GET  /api/v2/tickets?external_id=<key> lookup
 * Auth: "<email>/token:<api token>" Basic, or an OAuth bearer token. The upload is sent first and
 * the ticket references it, so a ticket never exists without its bundle. Zendesk keeps an
 * Idempotency-Key for about two hours; external_id finds the ticket after that.
 * (Zendesk Support API reference: Tickets, Attachments / Uploads, Idempotency.)
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { basicAuth, json, send } from '../http';
import { ConnectorError, type Connector, type TicketPriority, type TicketReceipt } from '../types';
import { httpsUrl, secretSchema } from './settings';

export const zendeskSettingsSchema = z.object({
  kind: z.literal('zendesk'),
  /** The account's URL, e.g. https://contoso.zendesk.com */
  url: httpsUrl,
  auth: z.discriminatedUnion('type', [
    z.object({
      type: z.literal('api-token'),
      email: z.email({ message: "must be the agent's e-mail address" }),
      token: secretSchema,
    }),
    z.object({ type: z.literal('oauth'), token: secretSchema }),
  ]),
});
export type ZendeskSettings = z.infer<typeof zendeskSettingsSchema>;

/** Zendesk's own four priorities match Triage's one to one. */
const PRIORITY: Readonly<Record<TicketPriority, string>> = {
  low: 'low',
  normal: 'normal',
  high: 'high',
  urgent: 'urgent',
};

export function createZendeskConnector(settings: ZendeskSettings): Connector {
  const base = settings.url.replace(/\/+$/, '');
  const service = 'Zendesk';
  const auth =
    settings.auth.type === 'api-token'
      ? basicAuth(`${settings.auth.email}/token`, settings.auth.token)
      : `Bearer ${settings.auth.token}`;
  const headers = { Authorization: auth, Accept: 'application/json' };
  const receipt = (id: string | number): TicketReceipt => ({
    id: String(id),
    url: `${base}/agent/tickets/${id}`,
  });

  return {
    kind: 'zendesk',
    destination: `Zendesk at ${new URL(base).host}`,
    async create(submission, context) {
      const bundle = await readFile(submission.bundle.path);
      const upload = json<{ upload?: { token?: string } }>(
        await send(
          {
            method: 'POST',
            url: `${base}/api/v2/uploads?filename=${encodeURIComponent(submission.bundle.fileName)}`,
            service,
            headers: { ...headers, 'Content-Type': 'application/binary' },
            body: new Uint8Array(bundle),
          },
          context,
        ),
        service,
      );
      const token = upload.upload?.token;
      if (!token)
        throw new ConnectorError(
          'bad-response',
          `${service} accepted the bundle but returned no upload token.`,
        );
      const ticket = {
        subject: submission.subject,
        comment: { body: submission.description, uploads: [token], public: false },
        priority: PRIORITY[submission.priority],
        type: 'incident',
        external_id: submission.idempotencyKey,
        tags: ['triage'],
        ...(submission.requester?.email
          ? {
              requester: {
                name: submission.requester.name || submission.requester.email,
                email: submission.requester.email,
              },
            }
          : {}),
      };
      const created = json<{ ticket?: { id?: number } }>(
        await send(
          {
            method: 'POST',
            url: `${base}/api/v2/tickets`,
            service,
            headers: {
              ...headers,
              'Content-Type': 'application/json',
              'Idempotency-Key': submission.idempotencyKey,
            },
            body: JSON.stringify({ ticket }),
          },
          context,
        ),
        service,
      );
      if (created.ticket?.id === undefined)
        throw new ConnectorError(
          'bad-response',
          `${service} created something but did not say its ticket id.`,
        );
      return receipt(created.ticket.id);
    },
    async findByKey(key, context) {
      const found = json<{ tickets?: { id?: number }[] }>(
        await send(
          {
            method: 'GET',
            url: `${base}/api/v2/tickets?external_id=${encodeURIComponent(key)}`,
            service,
            headers,
          },
          context,
        ),
        service,
      );
      const id = found.tickets?.[0]?.id;
      return id === undefined ? null : receipt(id);
    },
  };
}
