/**
 * The Freshservice connector against a fake account that follows the documented API v2 shapes
 * (multipart ticket with attachments[], the filter API, Basic auth with the API key), and their failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth } from '../../../../main/tickets/http';
import {
  createFreshserviceConnector,
  freshserviceSettingsSchema,
  htmlDescription,
  keyTag,
  type FreshserviceSettings,
} from '../../../../main/tickets/connectors/freshservice';
import { startFakeFreshservice, type FakeFreshservice } from '../../../support/fake-helpdesks/freshservice';
import { testContext, testSubmission } from '../../../support/submissions';

const API_KEY = 'fs-api-key-0123456789';

describe('the Freshservice connector', () => {
  let fake: FakeFreshservice;
  let settings: FreshserviceSettings;
  beforeAll(async () => {
    fake = await startFakeFreshservice(basicAuth(API_KEY, 'X'), 100_000);
    settings = freshserviceSettingsSchema.parse({
      kind: 'freshservice',
      url: fake.url,
      apiKey: API_KEY,
      fallbackRequesterEmail: 'helpdesk-intake@contoso.com',
      groupId: 7,
    });
  });
  afterAll(async () => fake.close());

  it('files one ticket with the bundle attached in a single request, and finds it by its key', async () => {
    const connector = createFreshserviceConnector(settings);
    const sent = testSubmission();
    const receipt = await connector.create(sent, testContext());
    expect(receipt.url).toBe(`${fake.url}/a/tickets/${receipt.id}`);
    const stored = fake.tickets.get(Number(receipt.id));
    expect(stored?.fields).toMatchObject({
      subject: sent.subject,
      email: 'jo@example.org',
      priority: '3',
      status: '2',
      group_id: '7',
    });
    expect(stored?.tags).toEqual(['triage', keyTag(sent.idempotencyKey)]);
    expect(stored?.attachments).toEqual([{ fileName: sent.bundle.fileName, sha256: sent.bundle.sha256 }]);
    expect(fake.log.filter((l) => l === 'POST /api/v2/tickets')).toHaveLength(1);
    expect(await connector.findByKey(sent.idempotencyKey, testContext())).toEqual(receipt);
    expect(await connector.findByKey('00000000-0000-0000-0000-000000000000', testContext())).toBeNull();
  });

  it('with workspaces, files into the configured one and looks there (the filter searches only the primary one by default)', async () => {
    const inWorkspace = createFreshserviceConnector({ ...settings, workspaceId: 3 });
    const sent = testSubmission(1_000);
    const receipt = await inWorkspace.create(sent, testContext());
    expect(fake.tickets.get(Number(receipt.id))?.fields.workspace_id).toBe('3');
    expect(await inWorkspace.findByKey(sent.idempotencyKey, testContext())).toEqual(receipt);
    expect(
      await createFreshserviceConnector(settings).findByKey(sent.idempotencyKey, testContext()),
    ).toBeNull();
  });

  it("sends the user's text as escaped HTML, so nothing they typed becomes markup", () => {
    expect(htmlDescription('a <b>bold</b> & "quoted"\nline two')).toBe(
      '<div>a &#60;b&#62;bold&#60;/b&#62; &#38; &#34;quoted&#34;<br>line two</div>',
    );
  });

  it('uses the configured requester when the user left no e-mail address (Freshservice requires one)', async () => {
    const sent = testSubmission(1_000, { requester: null });
    const receipt = await createFreshserviceConnector(settings).create(sent, testContext());
    expect(fake.tickets.get(Number(receipt.id))?.fields.email).toBe('helpdesk-intake@contoso.com');
  });

  it('keeps key tags short and distinct (Freshservice tags are short strings)', () => {
    const a = keyTag('6f1c3a8e-1d2b-4c5d-8e9f-0a1b2c3d4e5f');
    expect(a).toMatch(/^triage-[0-9a-f]{24}$/);
    expect(a.length).toBeLessThanOrEqual(32);
    expect(keyTag('6f1c3a8e-1d2b-4c5d-8e9f-0a1b2c3d4e5e')).not.toBe(a);
  });

  it('when the answer to the create was lost, the key finds the ticket, so the outbox files it once', async () => {
    const connector = createFreshserviceConnector(settings);
    const sent = testSubmission();
    fake.inject('POST /api/v2/tickets', 'drop-after');
    await expect(connector.create(sent, testContext())).rejects.toMatchObject({ kind: 'unknown-outcome' });
    expect(await connector.findByKey(sent.idempotencyKey, testContext())).not.toBeNull();
    expect(
      [...fake.tickets.values()].filter((t) => t.tags.includes(keyTag(sent.idempotencyKey))),
    ).toHaveLength(1);
  });

  it('refuses a bundle over the attachment cap before uploading it, and maps a 413 from the server the same way', async () => {
    const huge = {
      ...testSubmission(1_000),
      bundle: { ...testSubmission(1_000).bundle, bytes: 41 * 1024 * 1024 },
    };
    const before = fake.log.length;
    await expect(createFreshserviceConnector(settings).create(huge, testContext())).rejects.toMatchObject({
      kind: 'too-large',
      permanent: true,
      message: expect.stringContaining('40 MB'),
    });
    expect(fake.log.length).toBe(before);
    await expect(
      createFreshserviceConnector(settings).create(testSubmission(150_000), testContext()),
    ).rejects.toMatchObject({ kind: 'too-large', permanent: true });
  });

  it.each([
    [{ status: 401 }, 'auth', true],
    [{ status: 403 }, 'forbidden', true],
    [{ status: 429, retryAfter: '30' }, 'rate-limited', false],
    [{ status: 502 }, 'server', false],
  ] as const)('maps a ticket create answering %o to %s', async (fault, kind, permanent) => {
    fake.inject('POST /api/v2/tickets', fault);
    const error = await createFreshserviceConnector(settings)
      .create(testSubmission(), testContext())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind, permanent });
    if (kind === 'rate-limited') expect(error).toMatchObject({ options: { retryAfterMs: 30_000 } });
    expect((error as Error).message).not.toContain(API_KEY);
  });

  it('a slow answer is a timeout with an unknown outcome, not a plain failure', async () => {
    fake.inject('POST /api/v2/tickets', { delayMs: 1_500 });
    await expect(
      createFreshserviceConnector(settings).create(testSubmission(), testContext(300)),
    ).rejects.toMatchObject({ kind: 'unknown-outcome' });
  });

  it('refuses bad settings with a clear message', () => {
    const bad = freshserviceSettingsSchema.safeParse({
      kind: 'freshservice',
      url: 'http://contoso.freshservice.com',
      apiKey: 'short',
      fallbackRequesterEmail: 'nobody',
    });
    expect(bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')).toMatch(
      /url: must be an https.*\napiKey: is missing or too short.*\nfallbackRequesterEmail: must be an e-mail/s,
    );
  });
});
