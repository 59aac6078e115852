/**
 * A fake GLPI: initSession/killSession with user_token and App-Token, Ticket, Document (multipart
 * uploadManifest + filename[0], with a document_max_size cap), Document_Item, the search API on the
 * ticket content, and failures on demand (see base.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { formParts, startFakeHelpdesk, type FakeHelpdesk } from './base';

export interface FakeGlpi extends FakeHelpdesk {
  readonly tickets: Map<
    number,
    { input: Record<string, unknown>; documents: { fileName: string; sha256: string }[] }
  >;
  readonly openSessions: Set<string>;
}

export async function startFakeGlpi(
  userToken: string,
  appToken: string,
  maxDocumentBytes: number,
): Promise<FakeGlpi> {
  const tickets: FakeGlpi['tickets'] = new Map();
  const openSessions = new Set<string>();
  const documents = new Map<number, { fileName: string; sha256: string }>();
  const fake = await startFakeHelpdesk(
    {
      'GET /apirest.php/initSession': (req) => {
        if (req.headers.authorization !== `user_token ${userToken}`)
          return { status: 401, json: ['ERROR_GLPI_LOGIN_USER_TOKEN', 'parameter user_token seems invalid'] };
        const token = randomBytes(12).toString('hex');
        openSessions.add(token);
        return { status: 200, json: { session_token: token } };
      },
      'GET /apirest.php/killSession': (req) => {
        openSessions.delete(String(req.headers['session-token']));
        return { status: 200, json: true };
      },
      'POST /apirest.php/Ticket': (req) => {
        const { input } = JSON.parse(req.body.toString('utf8')) as { input: Record<string, unknown> };
        const id = 31 + tickets.size;
        tickets.set(id, { input, documents: [] });
        return { status: 201, json: { id, message: `Item successfully added: ${String(input.name)}` } };
      },
      'POST /apirest.php/Document': (req) => {
        const form = formParts(req.body, String(req.headers['content-type']));
        const file = form.find((p) => p.name === 'filename[0]');
        const manifest = form.find((p) => p.name === 'uploadManifest');
        if (!file || !manifest)
          return { status: 400, json: ['ERROR_UPLOAD_FILE_TOO_BIG_POST_MAX_SIZE', 'The file seems too big'] };
        // Over document_max_size GLPI keeps the document without its file and says so in upload_result.
        if (file.bytes.length > maxDocumentBytes)
          return { status: 400, json: ['ERROR_GLPI_ADD', 'File too large to be added.'] };
        const id = 501 + documents.size;
        documents.set(id, {
          fileName: file.fileName ?? '',
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
        });
        return {
          status: 201,
          json: {
            id,
            message: 'Item successfully added',
            upload_result: { filename: [{ name: file.fileName }] },
          },
        };
      },
      'POST /apirest.php/Document_Item': (req) => {
        const { input } = JSON.parse(req.body.toString('utf8')) as {
          input: { documents_id: number; itemtype: string; items_id: number };
        };
        const ticket = tickets.get(input.items_id);
        const document = documents.get(input.documents_id);
        if (input.itemtype !== 'Ticket' || !ticket || !document)
          return { status: 400, json: ['ERROR_GLPI_ADD', 'bad link'] };
        ticket.documents.push(document);
        return { status: 201, json: { id: 900 + ticket.documents.length } };
      },
      'GET /apirest.php/search/Ticket': (req) => {
        const value = req.query.get('criteria[0][value]') ?? '';
        const data = [...tickets]
          .filter(([, t]) => String(t.input.content).includes(value))
          .map(([id]) => ({ '2': id }));
        return { status: 200, json: { totalcount: data.length, count: data.length, data } };
      },
      'GET /apirest.php/Ticket/:id/Document_Item': (req) => {
        const ticket = tickets.get(Number(req.path.split('/')[3]));
        return {
          status: 200,
          json: (ticket?.documents ?? []).map((d, i) => ({ id: i + 1, documents_id: d.fileName })),
        };
      },
    },
    // initSession checks its own token; every other call needs an open session and the app token.
    (headers) =>
      headers['app-token'] === appToken &&
      (headers.authorization !== undefined || openSessions.has(String(headers['session-token']))),
  );
  return { ...fake, tickets, openSessions };
}
