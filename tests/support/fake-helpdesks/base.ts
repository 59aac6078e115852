/**
 * What every fake helpdesk shares: a loopback HTTP server with routes, a log of requests, stored
 * attachments (bytes, so tests can hash them), and failures injected on demand per route:
 * an HTTP status (with Retry-After for 429/503), a delay, or a connection dropped AFTER the route
 * ran — the helpdesk acted, the client never hears it (the duplicate trap).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asyncListener, readBody } from '../http-server';

export type Fault = { status: number; retryAfter?: string } | { delayMs: number } | 'drop-after';

export interface Request {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

export type Route = (request: Request) => {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
};

export interface FakeHelpdesk {
  readonly url: string;
  readonly log: string[];
  /** The next `times` requests matching `route` (a key like "POST /api/now/table/incident") get `fault`. */
  inject(route: string, fault: Fault, times?: number): void;
  close(): Promise<void>;
}

export interface FormPart {
  readonly name: string;
  readonly fileName: string | null;
  readonly bytes: Buffer;
}

/** The parts of a multipart/form-data body, in order (a field may repeat, e.g. tags[]). */
export function formParts(body: Buffer, contentType: string): FormPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const marker = `--${boundary?.[1] ?? boundary?.[2] ?? ''}`;
  const found: FormPart[] = [];
  for (const part of body.toString('latin1').split(marker)) {
    const [head, ...rest] = part.split('\r\n\r\n');
    const name = /name="([^"]+)"(?:; filename="([^"]+)")?/.exec(head ?? '');
    if (name?.[1])
      found.push({
        name: name[1],
        fileName: name[2] ?? null,
        bytes: Buffer.from(rest.join('\r\n\r\n').replace(/\r\n$/, ''), 'latin1'),
      });
  }
  return found;
}

/** Routes are matched by "METHOD /path" with `:name` segments; the first match wins. */
export async function startFakeHelpdesk(
  routes: Readonly<Record<string, Route>>,
  authorised: (headers: IncomingMessage['headers']) => boolean,
): Promise<FakeHelpdesk> {
  const faults: { route: string; fault: Fault; times: number }[] = [];
  const log: string[] = [];
  const compiled = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(' ') as [string, string];
    return { key, method, regex: new RegExp(`^${pattern.replace(/:[a-z]+/gi, '[^/]+')}$`), handler };
  });
  const reply = (
    res: ServerResponse,
    status: number,
    json?: unknown,
    headers: Record<string, string> = {},
  ): void => {
    res
      .writeHead(status, { 'Content-Type': 'application/json', ...headers })
      .end(json === undefined ? '' : JSON.stringify(json));
  };
  const server: Server = createServer(
    asyncListener(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const request: Request = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: await readBody(req),
      };
      const route = compiled.find((r) => r.method === request.method && r.regex.test(request.path));
      log.push(`${request.method} ${request.path}`);
      if (!route) return reply(res, 404, { error: 'no such endpoint' });
      const planned = faults.find((f) => f.route === route.key && f.times > 0);
      if (planned) planned.times -= 1;
      const fault = planned?.fault;
      if (fault && typeof fault === 'object' && 'status' in fault)
        return reply(
          res,
          fault.status,
          { error: `injected ${fault.status}` },
          fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {},
        );
      if (fault && typeof fault === 'object' && 'delayMs' in fault)
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (!authorised(req.headers)) return reply(res, 401, { error: 'Authentication required' });
      const answer = route.handler(request);
      if (fault === 'drop-after') {
        req.socket.destroy();
        return;
      }
      reply(res, answer.status, answer.json, answer.headers);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    inject: (route, fault, times = 1) => faults.push({ route, fault, times }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
