/**
 * The Jira Service Management connector against a fake site that follows the documented customer
 * request and temporary attachment APIs, and their failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth } from '../../../../main/tickets/http';
import {
  createJiraConnector,
  jiraSettingsSchema,
  type JiraSettings,
} from '../../../../main/tickets/connectors/jira';
import { startFakeJira, type FakeJira } from '../../../support/fake-helpdesks/jira';
import { testContext, testSubmission } from '../../../support/submissions';

describe('the Jira Service Management connector', () => {
  let fake: FakeJira;
  let settings: JiraSettings;
  beforeAll(async () => {
    fake = await startFakeJira(basicAuth('triage@contoso.com', 'jira-api-token-123'), '4');
    settings = jiraSettingsSchema.parse({
      kind: 'jira',
      url: fake.url,
      email: 'triage@contoso.com',
      apiToken: 'jira-api-token-123',
      serviceDeskId: '4',
      requestTypeId: '17',
    });
  });
  afterAll(async () => fake.close());

  it('raises a request with the bundle attached intact, and finds it by its key', async () => {
    const connector = createJiraConnector(settings);
    const sent = testSubmission();
    const receipt = await connector.create(sent, testContext());
    expect(receipt).toEqual({
      id: expect.stringMatching(/^IT-\d+$/),
      url: `${fake.url}/browse/${receipt.id}`,
    });
    const stored = fake.requests.get(receipt.id);
    expect(stored?.fields).toMatchObject({
      summary: sent.subject,
      labels: [`triage-${sent.idempotencyKey}`],
    });
    expect(stored?.attachments).toEqual([{ fileName: sent.bundle.fileName, sha256: sent.bundle.sha256 }]);
    expect(await connector.findByKey(sent.idempotencyKey, testContext())).toEqual(receipt);
    expect(await connector.findByKey('00000000-0000-0000-0000-000000000000', testContext())).toBeNull();
  });

  it('finishes a request whose attachment failed, without raising a second one', async () => {
    const connector = createJiraConnector(settings);
    const sent = testSubmission();
    fake.inject('POST /rest/servicedeskapi/servicedesk/:id/attachTemporaryFile', { status: 502 });
    await expect(connector.create(sent, testContext())).rejects.toMatchObject({ kind: 'unknown-outcome' });
    expect(await connector.findByKey(sent.idempotencyKey, testContext())).toBeNull();
    const receipt = await connector.create(sent, testContext());
    expect(
      [...fake.requests.values()].filter((r) =>
        (r.fields.labels as string[]).includes(`triage-${sent.idempotencyKey}`),
      ),
    ).toHaveLength(1);
    expect(fake.requests.get(receipt.id)?.attachments).toHaveLength(1);
  });

  it('after a dropped answer to the create, finds the request instead of raising another', async () => {
    const connector = createJiraConnector(settings);
    const sent = testSubmission();
    fake.inject('POST /rest/servicedeskapi/request', 'drop-after');
    await expect(connector.create(sent, testContext())).rejects.toMatchObject({ kind: 'unknown-outcome' });
    await connector.create(sent, testContext());
    expect(
      [...fake.requests.values()].filter((r) =>
        (r.fields.labels as string[]).includes(`triage-${sent.idempotencyKey}`),
      ),
    ).toHaveLength(1);
  });

  it.each([
    [{ status: 401 }, 'auth', true],
    [{ status: 403 }, 'forbidden', true],
    [{ status: 429, retryAfter: '5' }, 'rate-limited', false],
    [{ status: 500 }, 'server', false],
  ] as const)('maps %o on the create to %s', async (fault, kind, permanent) => {
    fake.inject('POST /rest/servicedeskapi/request', fault);
    const error = await createJiraConnector(settings)
      .create(testSubmission(), testContext())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind, permanent });
    expect((error as Error).message).not.toContain('jira-api-token-123');
  });

  it('refuses bad settings with a clear message', () => {
    const bad = jiraSettingsSchema.safeParse({
      kind: 'jira',
      url: 'https://contoso.atlassian.net',
      email: 'triage@contoso.com',
      apiToken: 'jira-api-token-123',
      serviceDeskId: 'IT',
      requestTypeId: '17',
    });
    expect(bad.error?.issues[0]?.message).toMatch(/numeric id/);
  });
});
