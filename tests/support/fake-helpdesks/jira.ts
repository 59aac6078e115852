/**
 * A fake Jira Service Management site: customer requests, temporary attachments (multipart "file"
 * with X-Atlassian-Token: no-check), attaching them to a request, and JQL search by label — with
 * failures on demand (see base.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { formParts, startFakeHelpdesk, type FakeHelpdesk } from './base';

export interface FakeJira extends FakeHelpdesk {
  readonly requests: Map<
    string,
    { fields: Record<string, unknown>; attachments: { fileName: string; sha256: string }[] }
  >;
}

export async function startFakeJira(credential: string, serviceDeskId: string): Promise<FakeJira> {
  const requests: FakeJira['requests'] = new Map();
  const temporary = new Map<string, { fileName: string; sha256: string }>();
  const fake = await startFakeHelpdesk(
    {
      'POST /rest/servicedeskapi/request': (req) => {
        const body = JSON.parse(req.body.toString('utf8')) as {
          serviceDeskId?: string;
          requestTypeId?: string;
          requestFieldValues?: Record<string, unknown>;
        };
        if (body.serviceDeskId !== serviceDeskId || !body.requestTypeId || !body.requestFieldValues?.summary)
          return { status: 400, json: { errorMessage: 'Field summary is required' } };
        const key = `IT-${101 + requests.size}`;
        requests.set(key, { fields: body.requestFieldValues, attachments: [] });
        return {
          status: 201,
          json: {
            issueId: String(10000 + requests.size),
            issueKey: key,
            _links: { web: `https://fake/servicedesk/customer/portal/1/${key}` },
          },
        };
      },
      'POST /rest/servicedeskapi/servicedesk/:id/attachTemporaryFile': (req) => {
        if (req.headers['x-atlassian-token'] !== 'no-check')
          return { status: 403, json: { errorMessage: 'XSRF check failed' } };
        const part = formParts(req.body, String(req.headers['content-type'])).find(
          (p) => p.name === 'file' && p.fileName,
        );
        if (!part?.fileName) return { status: 400, json: { errorMessage: 'No file' } };
        const id = randomBytes(8).toString('hex');
        temporary.set(id, {
          fileName: part.fileName,
          sha256: createHash('sha256').update(part.bytes).digest('hex'),
        });
        return {
          status: 201,
          json: { temporaryAttachments: [{ temporaryAttachmentId: id, fileName: part.fileName }] },
        };
      },
      'POST /rest/servicedeskapi/request/:key/attachment': (req) => {
        const key = decodeURIComponent(req.path.split('/')[4] ?? '');
        const request = requests.get(key);
        const { temporaryAttachmentIds } = JSON.parse(req.body.toString('utf8')) as {
          temporaryAttachmentIds: string[];
        };
        if (!request) return { status: 404, json: { errorMessage: 'Request does not exist' } };
        for (const id of temporaryAttachmentIds) {
          const file = temporary.get(id);
          if (file) request.attachments.push(file);
        }
        return {
          status: 201,
          json: { attachments: { values: request.attachments.map((a) => ({ filename: a.fileName })) } },
        };
      },
      'GET /rest/api/2/search': (req) => {
        const wanted = /labels = "([^"]+)"/.exec(req.query.get('jql') ?? '')?.[1];
        const issues = [...requests]
          .filter(([, r]) => (r.fields.labels as string[] | undefined)?.includes(wanted ?? ''))
          .map(([key, r]) => ({
            key,
            fields: { attachment: r.attachments.map((a) => ({ filename: a.fileName })) },
          }));
        return { status: 200, json: { total: issues.length, issues } };
      },
    },
    (headers) => headers.authorization === credential,
  );
  return { ...fake, requests };
}
