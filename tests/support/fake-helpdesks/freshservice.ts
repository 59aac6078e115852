/**
 * A fake Freshservice account: multipart ticket creation with attachments[] and tags[] (the
 * documented required fields checked: subject, description, email or requester_id, priority,
 * status), the 40 MB attachment cap, and the ticket filter API on tags — whose query must be in
 * double quotes and which searches the primary workspace unless told otherwise, as the real one — with failures on demand (see base.ts).
 */
import { createHash } from 'node:crypto';
import { formParts, startFakeHelpdesk, type FakeHelpdesk } from './base';

export interface FakeFreshservice extends FakeHelpdesk {
  readonly tickets: Map<
    number,
    { fields: Record<string, string>; tags: string[]; attachments: { fileName: string; sha256: string }[] }
  >;
}

export async function startFakeFreshservice(
  credential: string,
  maxAttachmentBytes = 40 * 1024 * 1024,
): Promise<FakeFreshservice> {
  const tickets: FakeFreshservice['tickets'] = new Map();
  const fake = await startFakeHelpdesk(
    {
      'POST /api/v2/tickets': (req) => {
        if (!String(req.headers['content-type']).startsWith('multipart/form-data'))
          return {
            status: 400,
            json: {
              description: 'Validation failed',
              errors: [{ field: 'attachments', message: 'must be multipart', code: 'invalid_value' }],
            },
          };
        const parts = formParts(req.body, String(req.headers['content-type']));
        const fields: Record<string, string> = {};
        for (const part of parts)
          if (part.fileName === null && part.name !== 'tags[]')
            fields[part.name] = part.bytes.toString('utf8');
        const missing = ['subject', 'description', 'priority', 'status'].filter((f) => !fields[f]);
        if (!fields.email && !fields.requester_id) missing.push('requester_id');
        if (missing.length > 0)
          return {
            status: 400,
            json: {
              description: 'Validation failed',
              errors: missing.map((field) => ({
                field,
                message: 'It should not be blank',
                code: 'missing_field',
              })),
            },
          };
        const files = parts.filter((p) => p.name === 'attachments[]' && p.fileName !== null);
        if (files.reduce((sum, f) => sum + f.bytes.length, 0) > maxAttachmentBytes)
          return { status: 413, json: { description: 'Attachments exceed the 40 MB limit' } };
        const id = 201 + tickets.size;
        tickets.set(id, {
          fields,
          tags: parts.filter((p) => p.name === 'tags[]').map((p) => p.bytes.toString('utf8')),
          attachments: files.map((f) => ({
            fileName: f.fileName ?? '',
            sha256: createHash('sha256').update(f.bytes).digest('hex'),
          })),
        });
        return {
          status: 201,
          json: {
            ticket: {
              id,
              subject: fields.subject,
              priority: Number(fields.priority),
              status: Number(fields.status),
            },
          },
        };
      },
      'GET /api/v2/tickets/filter': (req) => {
        const query = /^"tag:'([^']+)'(?: AND workspace_id:(\d+))?"$/.exec(req.query.get('query') ?? '');
        if (!query)
          return {
            status: 400,
            json: {
              description: 'Validation failed',
              errors: [
                { field: 'query', message: 'query must be enclosed in double quotes', code: 'invalid_value' },
              ],
            },
          };
        // Like the real one: without a workspace_id term only the primary workspace (1) is searched.
        const workspace = query[2] ?? '1';
        const matching = [...tickets]
          .filter(([, t]) => t.tags.includes(query[1] ?? '') && (t.fields.workspace_id ?? '1') === workspace)
          .map(([id]) => ({ id }));
        return { status: 200, json: { tickets: matching, total: matching.length } };
      },
    },
    (headers) => headers.authorization === credential,
  );
  return { ...fake, tickets };
}
