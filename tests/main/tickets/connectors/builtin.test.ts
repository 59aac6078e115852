/**
 * The connectors that need no helpdesk account: the relay (webhook), e-mail and the local folder.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildEml,
  createEmailConnector,
  emailSettingsSchema,
} from '../../../../main/tickets/connectors/email';
import { createLocalFolderConnector } from '../../../../main/tickets/connectors/local-folder';
import { createWebhookConnector, webhookSettingsSchema } from '../../../../main/tickets/connectors/webhook';
import type { TicketSubmission } from '../../../../main/tickets/types';
import { startFakeRelay, type FakeRelay } from '../../../support/fake-relay';

const dir = mkdtempSync(join(tmpdir(), 'triage-connectors-'));
const bundleBytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
writeFileSync(join(dir, 'bundle.zip'), bundleBytes);
const sha = createHash('sha256').update(bundleBytes).digest('hex');
const submission = (key = '2f0c6a4e-0a6c-4d6e-9d1e-3a8b7c6d5e4f'): TicketSubmission => ({
  idempotencyKey: key,
  subject: "[Triage] Can't connect: Teams drops\r\nBcc: victim@example.org (PC-0042)",
  description:
    'The user wrote:\nTeams drops.\n\nTriage found 1 problem:\n- [CRITICAL] The DNS server does not answer',
  requester: { name: 'Jo Smith', email: 'jo@example.org', phone: '' },
  category: 'cant-connect',
  priority: 'high',
  bundle: {
    path: join(dir, 'bundle.zip'),
    fileName: 'triage-PC-0042-20261124T101500Z.zip',
    sha256: sha,
    bytes: bundleBytes.length,
  },
  createdAt: '2026-11-24T10:15:00.000Z',
});
const context = { signal: new AbortController().signal, timeoutMs: 2_000 };

describe('the relay (webhook) connector', () => {
  let relay: FakeRelay;
  beforeAll(async () => {
    relay = await startFakeRelay('relay-secret-for-tests');
  });
  afterAll(async () => relay.close());

  it('posts the report, signed, and gets the ticket back with the bundle intact', async () => {
    const connector = createWebhookConnector({
      kind: 'webhook',
      url: relay.url,
      secret: 'relay-secret-for-tests',
    });
    const receipt = await connector.create(submission(), context);
    expect(receipt).toEqual({ id: '1001', url: 'https://helpdesk.example/t/1001' });
    const ticket = relay.tickets.get(submission().idempotencyKey);
    expect(ticket?.bundleSha256).toBe(sha);
    expect(ticket?.metadata).toMatchObject({
      idempotencyKey: submission().idempotencyKey,
      priority: 'high',
      bundle: { sha256: sha },
    });
    expect(JSON.stringify(ticket?.metadata)).not.toContain(dir); // no local paths leave the machine
    expect(await connector.findByKey(submission().idempotencyKey, context)).toEqual({
      id: '1001',
      url: 'https://helpdesk.example/t/1001',
    });
    expect(await connector.findByKey('00000000-0000-0000-0000-000000000000', context)).toBeNull();
  });

  it('is refused with a wrong secret, as an auth problem for IT', async () => {
    const connector = createWebhookConnector({
      kind: 'webhook',
      url: relay.url,
      secret: 'not-the-relay-secret',
    });
    await expect(
      connector.create(submission('a0000000-0000-0000-0000-000000000001'), context),
    ).rejects.toMatchObject({ kind: 'auth', permanent: true });
  });

  it.each([
    ['server-error', 'server', false],
    ['rate-limited', 'rate-limited', false],
    ['too-large', 'too-large', true],
    ['drop-before', 'unknown-outcome', false],
    ['drop-after', 'unknown-outcome', false],
  ] as const)('maps %s to %s', async (fault, kind, permanent) => {
    const connector = createWebhookConnector({
      kind: 'webhook',
      url: relay.url,
      secret: 'relay-secret-for-tests',
    });
    relay.faults.push(fault);
    const error = await connector
      .create(submission(`b0000000-0000-0000-0000-00000000000${fault.length % 10}`), context)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind, permanent });
    if (fault === 'rate-limited') expect(error).toMatchObject({ options: { retryAfterMs: 120_000 } });
  });

  it('times out a slow relay as an unknown outcome, then finds the ticket by key', async () => {
    const connector = createWebhookConnector({
      kind: 'webhook',
      url: relay.url,
      secret: 'relay-secret-for-tests',
    });
    relay.faults.push('slow');
    const key = 'c0000000-0000-0000-0000-000000000001';
    await expect(connector.create(submission(key), { ...context, timeoutMs: 500 })).rejects.toMatchObject({
      kind: 'unknown-outcome',
    });
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await connector.findByKey(key, context)).not.toBeNull();
  });

  it('refuses settings that would send secrets in clear', () => {
    expect(
      webhookSettingsSchema.safeParse({
        kind: 'webhook',
        url: 'http://relay.example.org/r',
        secret: 'long-enough-secret',
      }).error?.issues[0]?.message,
    ).toMatch(/https/);
    expect(
      webhookSettingsSchema.safeParse({
        kind: 'webhook',
        url: 'https://u:p@relay.example.org/r',
        secret: 'long-enough-secret',
      }).error?.issues[0]?.message,
    ).toMatch(/user name or password/);
    expect(
      webhookSettingsSchema.safeParse({
        kind: 'webhook',
        url: 'https://relay.example.org/r',
        secret: 'short',
      }).success,
    ).toBe(false);
  });
});

describe('the e-mail connector', () => {
  it('builds a draft the mail client opens ready to send, with the bundle attached intact', () => {
    const eml = buildEml(
      submission(),
      'servicedesk@example.org',
      bundleBytes,
      new Date('2026-11-24T10:15:00Z'),
    );
    const [head, ...rest] = eml.split('\r\n\r\n');
    expect(head).toContain('X-Unsent: 1');
    expect(head).toContain('To: servicedesk@example.org');
    expect(head).toMatch(/^Subject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/m);
    expect(head).not.toMatch(/^Bcc:/m); // the CR/LF in the subject could not inject a header
    const attachment =
      rest.join('\r\n\r\n').split('Content-Transfer-Encoding: base64\r\n\r\n')[2]?.split('\r\n--')[0] ?? '';
    expect(
      createHash('sha256')
        .update(Buffer.from(attachment.replace(/\r\n/g, ''), 'base64'))
        .digest('hex'),
    ).toBe(sha);
  });

  it('saves the .eml and says where', async () => {
    const folder = join(dir, 'mail');
    const receipt = await createEmailConnector({
      kind: 'email',
      to: 'servicedesk@example.org',
      folder,
    }).create(submission(), context);
    expect(receipt.url).toBe(join(folder, 'triage-PC-0042-20261124T101500Z.eml'));
    expect(readFileSync(receipt.url ?? '', 'utf8')).toContain(
      'Message-ID: <2f0c6a4e-0a6c-4d6e-9d1e-3a8b7c6d5e4f@triage.invalid>',
    );
    expect(emailSettingsSchema.safeParse({ kind: 'email', to: 'not an address' }).success).toBe(false);
  });
});

describe('the local folder', () => {
  it('saves the bundle and the ticket text, again without duplicates', async () => {
    const folder = join(dir, 'reports');
    const connector = createLocalFolderConnector({ kind: 'local-folder', folder });
    const first = await connector.create(submission(), context);
    const second = await connector.create(submission(), context);
    expect(first).toEqual(second);
    expect(
      createHash('sha256')
        .update(readFileSync(join(folder, 'triage-PC-0042-20261124T101500Z.zip')))
        .digest('hex'),
    ).toBe(sha);
    expect(readFileSync(join(folder, 'triage-PC-0042-20261124T101500Z.txt'), 'utf8')).toContain(
      'Teams drops.',
    );
  });
});
