/**
 * Freshservice, through its API v2:
 *
 *   POST /api/v2/tickets                    multipart: the ticket, tagged triage-<key digest>, and the bundle
 *   GET  /api/v2/tickets/filter?query=…     lookup by tag (in the configured workspace)
 * Auth: Basic with the API key as user name and "X" as password. The ticket and its attachment are
 * ONE request, so a ticket never exists without its bundle. Freshservice has no idempotency key:
 * Triage's key travels as a tag (a digest of it, because tags are short) and is found with the
 * ticket filter API. The filter index can lag a new ticket by a little; the outbox waits its settle
 * window before it trusts "not found" after an unknown outcome.
 * Freshservice caps attachments at 40 MB per ticket; over it, the ticket is refused ('too-large').
 * (Freshservice API v2 reference: "Create a Ticket with attachment", "Filter Tickets", "Authentication".)
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { basicAuth, json, send } from '../http';
import { ConnectorError, type Connector, type TicketPriority, type TicketReceipt } from '../types';
import { httpsUrl, secretSchema } from './settings';

export const freshserviceSettingsSchema = z.object({
  kind: z.literal('freshservice'),
  /** The account's URL, e.g. https://contoso.freshservice.com */
  url: httpsUrl,
  apiKey: secretSchema,
  /** Freshservice needs a requester: used when the user left no e-mail address. */
  fallbackRequesterEmail: z.email({
    message: 'must be an e-mail address (the requester used when the user gives none)',
  }),
  /** Optional: the agent group new tickets go to. */
  groupId: z.number().int().positive().optional(),
  /** Optional, for accounts with workspaces: the IT workspace's id. */
  workspaceId: z.number().int().positive().optional(),
});
export type FreshserviceSettings = z.infer<typeof freshserviceSettingsSchema>;

/** Freshservice priorities: 1 low, 2 medium, 3 high, 4 urgent. */
const PRIORITY: Readonly<Record<TicketPriority, number>> = { low: 1, normal: 2, high: 3, urgent: 4 };
const STATUS_OPEN = 2;
/** Source 2 is "Portal": the user asked through a self-service tool. */
const SOURCE_PORTAL = 2;
const MAX_ATTACHMENT_BYTES = 40 * 1024 * 1024;

/** A tag short enough for Freshservice, unique enough for one organisation's reports. */
export const keyTag = (key: string): string =>
  `triage-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;

/** The description is HTML in Freshservice: the user's text is escaped, never interpreted. */
export function htmlDescription(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<div>${escaped.replace(/\r?\n/g, '<br>')}</div>`;
}

export function createFreshserviceConnector(settings: FreshserviceSettings): Connector {
  const base = settings.url.replace(/\/+$/, '');
  const service = 'Freshservice';
  const headers = { Authorization: basicAuth(settings.apiKey, 'X'), Accept: 'application/json' };
  const receipt = (id: number): TicketReceipt => ({ id: String(id), url: `${base}/a/tickets/${id}` });

  return {
    kind: 'freshservice',
    destination: `Freshservice at ${new URL(base).host}`,
    async create(submission, context) {
      if (submission.bundle.bytes > MAX_ATTACHMENT_BYTES) {
        throw new ConnectorError(
          'too-large',
          `The report is ${Math.ceil(submission.bundle.bytes / 1024 / 1024)} MB; Freshservice accepts at most 40 MB of attachments per ticket. Ask IT to lower the report size (policy: redaction level or probes turned off).`,
        );
      }
      const form = new FormData();
      form.append('subject', submission.subject);
      form.append('description', htmlDescription(submission.description));
      form.append('email', submission.requester?.email || settings.fallbackRequesterEmail);
      form.append('priority', String(PRIORITY[submission.priority]));
      form.append('status', String(STATUS_OPEN));
      form.append('source', String(SOURCE_PORTAL));
      if (settings.groupId !== undefined) form.append('group_id', String(settings.groupId));
      if (settings.workspaceId !== undefined) form.append('workspace_id', String(settings.workspaceId));
      form.append('tags[]', 'triage');
      form.append('tags[]', keyTag(submission.idempotencyKey));
      form.append(
        'attachments[]',
        new Blob([new Uint8Array(await readFile(submission.bundle.path))], { type: 'application/zip' }),
        submission.bundle.fileName,
      );
      const created = json<{ ticket?: { id?: number } }>(
        await send({ method: 'POST', url: `${base}/api/v2/tickets`, service, headers, body: form }, context),
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
      // The filter query is wrapped in double quotes, string values in single quotes; without a
      // workspace_id term it searches only the primary workspace.
      const terms = [
        `tag:'${keyTag(key)}'`,
        ...(settings.workspaceId === undefined ? [] : [`workspace_id:${settings.workspaceId}`]),
      ];
      const query = new URLSearchParams({ query: `"${terms.join(' AND ')}"` });
      const found = json<{ tickets?: { id?: number }[] }>(
        await send(
          { method: 'GET', url: `${base}/api/v2/tickets/filter?${query.toString()}`, service, headers },
          context,
        ),
        service,
      );
      const id = found.tickets?.[0]?.id;
      return id === undefined ? null : receipt(id);
    },
  };
}
