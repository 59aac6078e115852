/**
 * What the fake servers of the tests share: reading a request body, and request listeners that may
 * be async without an unobserved rejection (a failed fake closes the connection, as a broken server
 * would, instead of taking the test process down).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export async function readBody(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function asyncListener(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handler(req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  };
}
