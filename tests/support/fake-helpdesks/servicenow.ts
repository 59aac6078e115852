/**
 * A fake ServiceNow instance: the Table API's incident table and the Attachment API, with the
 * documented request and response shapes (Basic or Bearer auth, { result: … } envelopes, sys_id and
 * INC numbers, raw attachment bodies), and failures on demand (see base.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { startFakeHelpdesk, type FakeHelpdesk } from './base';

export interface FakeServicenow extends FakeHelpdesk {
  readonly incidents: Map<string, { number: string; fields: Record<string, string> }>;
  readonly attachments: { tableSysId: string; fileName: string; sha256: string; contentType: string }[];
}

export async function startFakeServicenow(credential: string): Promise<FakeServicenow> {
  const incidents: FakeServicenow['incidents'] = new Map();
  const attachments: FakeServicenow['attachments'] = [];
  const fake = await startFakeHelpdesk(
    {
      'POST /api/now/table/incident': (req) => {
        if (!String(req.headers['content-type']).startsWith('application/json'))
          return { status: 415, json: { error: { message: 'Unsupported media type' } } };
        const fields = JSON.parse(req.body.toString('utf8')) as Record<string, string>;
        if (!fields.short_description)
          return { status: 400, json: { error: { message: 'short_description is mandatory' } } };
        const sysId = randomBytes(16).toString('hex');
        const number = `INC${String(10001 + incidents.size).padStart(7, '0')}`;
        incidents.set(sysId, { number, fields });
        return { status: 201, json: { result: { sys_id: sysId, number, ...fields } } };
      },
      'GET /api/now/table/incident': (req) => {
        const key = /^correlation_id=(.+)$/.exec(req.query.get('sysparm_query') ?? '')?.[1];
        const found = [...incidents]
          .filter(([, i]) => i.fields.correlation_id === key)
          .map(([sysId, i]) => ({ sys_id: sysId, number: i.number }));
        return {
          status: 200,
          json: { result: found.slice(0, Number(req.query.get('sysparm_limit') ?? 1000)) },
        };
      },
      'POST /api/now/attachment/file': (req) => {
        const tableSysId = req.query.get('table_sys_id') ?? '';
        if (req.query.get('table_name') !== 'incident' || !incidents.has(tableSysId))
          return { status: 400, json: { error: { message: 'Invalid table or record' } } };
        attachments.push({
          tableSysId,
          fileName: req.query.get('file_name') ?? '',
          sha256: createHash('sha256').update(req.body).digest('hex'),
          contentType: String(req.headers['content-type']),
        });
        return {
          status: 201,
          json: { result: { sys_id: randomBytes(16).toString('hex'), size_bytes: String(req.body.length) } },
        };
      },
      'GET /api/now/attachment': (req) => {
        const sysId = /table_sys_id=([0-9a-f]+)/.exec(req.query.get('sysparm_query') ?? '')?.[1];
        return {
          status: 200,
          json: {
            result: attachments.filter((a) => a.tableSysId === sysId).map((a) => ({ file_name: a.fileName })),
          },
        };
      },
    },
    (headers) => headers.authorization === credential,
  );
  return { ...fake, incidents, attachments };
}
