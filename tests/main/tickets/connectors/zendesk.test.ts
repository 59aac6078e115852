/**
 * The Zendesk connector against a fake account that follows the documented Uploads and Tickets
 * APIs, Idempotency-Key included, and their failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth } from '../../../../main/tickets/http';
import {
  createZendeskConnector,
  zendeskSettingsSchema,
  type ZendeskSettings,
} from '../../../../main/tickets/connectors/zendesk';
import { startFakeZendesk, type FakeZendesk } from '../../../support/fake-helpdesks/zendesk';
import { testContext, testSubmission } from '../../../support/submissions';

describe('the Zendesk connector', () => {
  let fake: FakeZendesk;
  let settings: ZendeskSettings;
  beforeAll(async () => {
    fake = await startFakeZendesk(basicAuth('triage@contoso.com/token', 'zendesk-api-token-123'));
    settings = zendeskSettingsSchema.parse({
      kind: 'zendesk',
      url: fake.url,
      auth: { type: 'api-token', email: 'triage@contoso.com', token: 'zendesk-api-token-123' },
    });
  });
  afterAll(async () => fake.close());

  it('uploads the bundle, files the ticket with it, and finds it by its key', async () => {
    const connector = createZendeskConnector(settings);
    const sent = testSubmission();
    const receipt = await connector.create(sent, testContext());
    expect(receipt.url).toBe(`${fake.url}/agent/tickets/${receipt.id}`);
    const stored = fake.tickets.get(Number(receipt.id));
    expect(stored?.ticket).toMatchObject({
      subject: sent.subject,
      priority: 'high',
      external_id: sent.idempotencyKey,
      requester: { email: 'jo@example.org' },
      comment: { public: false },
    });
    expect(stored?.attachments).toEqual([{ fileName: sent.bundle.fileName, sha256: sent.bundle.sha256 }]);
    expect(await connector.findByKey(sent.idempotencyKey, testContext())).toEqual(receipt);
    expect(await connector.findByKey('00000000-0000-0000-0000-000000000000', testContext())).toBeNull();
  });

  it('files once when the answer to the create was lost: the key finds it, and a resend is de-duplicated', async () => {
    const connector = createZendeskConnector(settings);
    const sent = testSubmission();
    fake.inject('POST /api/v2/tickets', 'drop-after');
    await expect(connector.create(sent, testContext())).rejects.toMatchObject({ kind: 'unknown-outcome' });
    const found = await connector.findByKey(sent.idempotencyKey, testContext());
    expect(found).not.toBeNull();
    expect(await connector.create(sent, testContext())).toEqual(found);
    expect(
      [...fake.tickets.values()].filter((t) => t.ticket.external_id === sent.idempotencyKey),
    ).toHaveLength(1);
  });

  it.each([
    ['POST /api/v2/uploads', { status: 413 }, 'too-large', true],
    ['POST /api/v2/tickets', { status: 401 }, 'auth', true],
    ['POST /api/v2/tickets', { status: 403 }, 'forbidden', true],
    ['POST /api/v2/tickets', { status: 429, retryAfter: '60' }, 'rate-limited', false],
    ['POST /api/v2/tickets', { status: 503 }, 'server', false],
  ] as const)('maps %s answering %o to %s', async (route, fault, kind, permanent) => {
    fake.inject(route, fault);
    const error = await createZendeskConnector(settings)
      .create(testSubmission(), testContext())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind, permanent });
    if (kind === 'rate-limited') expect(error).toMatchObject({ options: { retryAfterMs: 60_000 } });
    expect((error as Error).message).not.toContain('zendesk-api-token-123');
  });

  it('refuses bad settings with a clear message', () => {
    const bad = zendeskSettingsSchema.safeParse({
      kind: 'zendesk',
      url: 'https://x:y@contoso.zendesk.com',
      auth: { type: 'api-token', email: 'not-an-email', token: 'zendesk-api-token-123' },
    });
    expect(bad.error?.issues.map((i) => i.message).join(' ')).toMatch(/user name or password.*e-mail/s);
  });
});
