/**
 * Webhook: the recommended deployment. Triage posts the report to a relay the organisation runs;
 * the relay holds the helpdesk credential and files the ticket, so no helpdesk secret lives on
 * endpoints. The relay protocol (docs/helpdesks.md):
 *
 *   POST <url>   multipart/form-data: `metadata` (application/json: the submission without local
 *                paths) and `bundle` (application/zip)
 *   headers      Idempotency-Key: <key>     — the relay must answer a repeat with the same ticket
 *                X-Triage-Timestamp: <unix seconds>
 *                X-Triage-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 *   answer       200/201 JSON { "id": "...", "url": "..." | null }
 *   GET <url>?idempotencyKey=<key> (signed over an empty body) → 200 { id, url } or 404: the lookup.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { json, send } from '../http';
import { ConnectorError, type Connector, type TicketReceipt, type TicketSubmission } from '../types';
import { httpsUrl, secretSchema } from './settings';

export const webhookSettingsSchema = z.object({
  kind: z.literal('webhook'),
  url: httpsUrl,
  /** Shared with the relay, which checks every request's signature with it. */
  secret: secretSchema,
});
export type WebhookSettings = z.infer<typeof webhookSettingsSchema>;

export function signature(secret: string, timestamp: string, body: Buffer): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

/** Builds the multipart body by hand, so the exact bytes can be signed. */
export function multipartBody(
  submission: TicketSubmission,
  bundle: Buffer,
): { body: Buffer; contentType: string } {
  const boundary = `----triage${randomBytes(12).toString('hex')}`;
  const { bundle: bundleInfo, ...rest } = submission;
  const metadata = {
    ...rest,
    bundle: { fileName: bundleInfo.fileName, sha256: bundleInfo.sha256, bytes: bundleInfo.bytes },
  };
  const fileName = bundleInfo.fileName.replace(/["\r\n\\]/g, '_');
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(metadata)}\r\n`,
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="bundle"; filename="${fileName}"\r\nContent-Type: application/zip\r\n\r\n`,
    ),
    bundle,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

function receiptFrom(value: unknown): TicketReceipt {
  const id = (value as { id?: unknown } | null)?.id;
  const url = (value as { url?: unknown } | null)?.url;
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id) === '')
    throw new ConnectorError('bad-response', 'The relay answered without a ticket id.');
  return { id: String(id), url: typeof url === 'string' ? url : null };
}

export function createWebhookConnector(settings: WebhookSettings, now: () => number = Date.now): Connector {
  const headers = (key: string, body: Buffer): Record<string, string> => {
    const timestamp = String(Math.floor(now() / 1000));
    return {
      'Idempotency-Key': key,
      'X-Triage-Timestamp': timestamp,
      'X-Triage-Signature': signature(settings.secret, timestamp, body),
    };
  };
  return {
    kind: 'webhook',
    destination: `the relay at ${new URL(settings.url).origin}`,
    async create(submission, context) {
      const { body, contentType } = multipartBody(submission, await readFile(submission.bundle.path));
      const response = await send(
        {
          method: 'POST',
          url: settings.url,
          service: 'The relay',
          headers: { ...headers(submission.idempotencyKey, body), 'Content-Type': contentType },
          body,
        },
        context,
      );
      return receiptFrom(json(response, 'The relay'));
    },
    async findByKey(key, context) {
      const url = new URL(settings.url);
      url.searchParams.set('idempotencyKey', key);
      try {
        return receiptFrom(
          json(
            await send(
              { method: 'GET', url: url.href, service: 'The relay', headers: headers(key, Buffer.alloc(0)) },
              context,
            ),
            'The relay',
          ),
        );
      } catch (error) {
        if (error instanceof ConnectorError && error.kind === 'config' && error.options.status === 404)
          return null;
        throw error;
      }
    },
  };
}
