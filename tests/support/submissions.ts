/**
 * A ticket submission with a bundle file on disk, for connector tests.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TicketSubmission } from '../../main/tickets/types';

const dir = mkdtempSync(join(tmpdir(), 'triage-submission-'));

export function testSubmission(bytes = 30_000, over: Partial<TicketSubmission> = {}): TicketSubmission {
  const content = Buffer.from(Array.from({ length: bytes }, (_, i) => (i * 31 + 7) % 256));
  const path = join(dir, `${randomUUID()}.zip`);
  writeFileSync(path, content);
  return {
    idempotencyKey: randomUUID(),
    subject: "[Triage] Can't connect: Teams drops (PC-0042)",
    description:
      'The user wrote:\nTeams drops.\n\nTriage found 1 problem:\n- [CRITICAL] The DNS server does not answer',
    requester: { name: 'Jo Smith', email: 'jo@example.org', phone: '' },
    category: 'cant-connect',
    priority: 'high',
    bundle: {
      path,
      fileName: 'triage-PC-0042-20261124T101500Z.zip',
      sha256: createHash('sha256').update(content).digest('hex'),
      bytes,
    },
    createdAt: '2026-11-24T10:15:00.000Z',
    ...over,
  };
}

export const testContext = (timeoutMs = 2_000) => ({ signal: new AbortController().signal, timeoutMs });
