/**
 * A relay as docs/helpdesks.md specifies it, for tests: checks each request's HMAC signature and
 * timestamp, files one "ticket" per Idempotency-Key (a repeat gets the same ticket back), answers
 * lookups, and can be told to fail in the ways real servers do.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readBody } from './http-server';

export type RelayFault =
  'unauthorized' | 'server-error' | 'rate-limited' | 'too-large' | 'drop-before' | 'drop-after' | 'slow';

export interface RelayTicket {
  readonly id: string;
  readonly key: string;
  readonly metadata: Record<string, unknown>;
  readonly bundleSha256: string;
  readonly bundleBytes: number;
}

export interface FakeRelay {
  readonly url: string;
  readonly tickets: Map<string, RelayTicket>;
  /** Faults for the next POSTs, in order. */
  readonly faults: RelayFault[];
  readonly requests: { method: string; status: number }[];
  close(): Promise<void>;
}

/** Splits a multipart/form-data body into its named parts. */
function parts(body: Buffer, boundary: string): Map<string, Buffer> {
  const result = new Map<string, Buffer>();
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const name = /name="([^"]+)"/.exec(part.subarray(0, headerEnd).toString())?.[1];
    if (name) result.set(name, part.subarray(headerEnd + 4));
    start = next;
  }
  return result;
}

export async function startFakeRelay(secret: string): Promise<FakeRelay> {
  const tickets = new Map<string, RelayTicket>();
  const faults: RelayFault[] = [];
  const requests: { method: string; status: number }[] = [];
  const answer = (
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void => {
    requests.push({ method: response.req.method ?? '', status });
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
  };
  const signed = (request: IncomingMessage, body: Buffer): boolean => {
    const timestamp = String(request.headers['x-triage-timestamp'] ?? '');
    const given = String(request.headers['x-triage-signature'] ?? '');
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
    const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
    return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      if (!signed(request, body)) return answer(response, 401, { error: 'bad signature' });
      const key = String(request.headers['idempotency-key'] ?? '');
      const url = new URL(request.url ?? '/', 'http://relay');
      if (request.method === 'GET') {
        const ticket = tickets.get(url.searchParams.get('idempotencyKey') ?? '');
        return ticket
          ? answer(response, 200, { id: ticket.id, url: `https://helpdesk.example/t/${ticket.id}` })
          : answer(response, 404, { error: 'unknown key' });
      }
      const fault = faults.shift();
      if (fault === 'drop-before') return request.socket.destroy();
      if (fault === 'unauthorized') return answer(response, 401, { error: 'not allowed' });
      if (fault === 'server-error') return answer(response, 503, { error: 'down' });
      if (fault === 'rate-limited')
        return answer(response, 429, { error: 'slow down' }, { 'Retry-After': '120' });
      if (fault === 'too-large') return answer(response, 413, { error: 'too large' });
      if (fault === 'slow') await new Promise((r) => setTimeout(r, 3_000));
      const boundary = /boundary=(.+)$/.exec(String(request.headers['content-type']))?.[1] ?? '';
      const form = parts(body, boundary);
      const bundle = form.get('bundle') ?? Buffer.alloc(0);
      let ticket = tickets.get(key);
      if (!ticket) {
        ticket = {
          id: String(tickets.size + 1001),
          key,
          metadata: JSON.parse(form.get('metadata')?.toString() ?? '{}') as Record<string, unknown>,
          bundleSha256: createHash('sha256').update(bundle).digest('hex'),
          bundleBytes: bundle.length,
        };
        tickets.set(key, ticket);
      }
      if (fault === 'drop-after') return request.socket.destroy(); // filed, but the answer is lost
      return answer(response, 201, { id: ticket.id, url: `https://helpdesk.example/t/${ticket.id}` });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/reports`,
    tickets,
    faults,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
