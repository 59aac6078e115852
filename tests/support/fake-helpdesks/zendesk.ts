/**
 * A fake Zendesk account: uploads (raw body → token), tickets with comment.uploads, the
 * Idempotency-Key header (a repeat returns the first ticket), and lookup by external_id, with
 * failures on demand (see base.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { startFakeHelpdesk, type FakeHelpdesk } from './base';

export interface FakeZendesk extends FakeHelpdesk {
  readonly tickets: Map<
    number,
    { ticket: Record<string, unknown>; attachments: { fileName: string; sha256: string }[] }
  >;
}

export async function startFakeZendesk(credential: string): Promise<FakeZendesk> {
  const uploads = new Map<string, { fileName: string; sha256: string }>();
  const tickets: FakeZendesk['tickets'] = new Map();
  const byIdempotencyKey = new Map<string, number>();
  const fake = await startFakeHelpdesk(
    {
      'POST /api/v2/uploads': (req) => {
        const fileName = req.query.get('filename');
        if (!fileName) return { status: 400, json: { error: 'filename is required' } };
        const token = randomBytes(12).toString('hex');
        uploads.set(token, { fileName, sha256: createHash('sha256').update(req.body).digest('hex') });
        return {
          status: 201,
          json: { upload: { token, attachment: { file_name: fileName, size: req.body.length } } },
        };
      },
      'POST /api/v2/tickets': (req) => {
        const key = req.headers['idempotency-key'];
        if (typeof key === 'string' && byIdempotencyKey.has(key))
          return {
            status: 201,
            json: { ticket: { id: byIdempotencyKey.get(key) } },
            headers: { 'x-idempotency-lookup': 'hit' },
          };
        const { ticket } = JSON.parse(req.body.toString('utf8')) as {
          ticket?: Record<string, unknown> & { comment?: { uploads?: string[] } };
        };
        if (!ticket?.comment)
          return { status: 422, json: { error: 'RecordInvalid', description: 'Comment: cannot be blank' } };
        const id = 1001 + tickets.size;
        const attachments = (ticket.comment.uploads ?? [])
          .map((t) => uploads.get(t))
          .filter((a): a is { fileName: string; sha256: string } => a !== undefined);
        tickets.set(id, { ticket, attachments });
        if (typeof key === 'string') byIdempotencyKey.set(key, id);
        return {
          status: 201,
          json: { ticket: { id, ...ticket } },
          headers: { 'x-idempotency-lookup': 'miss' },
        };
      },
      'GET /api/v2/tickets': (req) => {
        const key = req.query.get('external_id');
        return {
          status: 200,
          json: {
            tickets: [...tickets].filter(([, t]) => t.ticket.external_id === key).map(([id]) => ({ id })),
          },
        };
      },
    },
    (headers) => headers.authorization === credential,
  );
  return { ...fake, tickets };
}
