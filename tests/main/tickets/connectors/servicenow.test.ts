/**
 * The ServiceNow connector against a fake instance that follows the documented Table and Attachment
 * APIs, including their failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth } from '../../../../main/tickets/http';
import {
  createServicenowConnector,
  servicenowSettingsSchema,
  type ServicenowSettings,
} from '../../../../main/tickets/connectors/servicenow';
import { startFakeServicenow, type FakeServicenow } from '../../../support/fake-helpdesks/servicenow';
import { testContext, testSubmission } from '../../../support/submissions';

describe('the ServiceNow connector', () => {
  let fake: FakeServicenow;
  let settings: ServicenowSettings;
  beforeAll(async () => {
    fake = await startFakeServicenow(basicAuth('triage.integration', 'integration-password'));
    settings = servicenowSettingsSchema.parse({
      kind: 'servicenow',
      instanceUrl: fake.url,
      auth: { type: 'basic', user: 'triage.integration', password: 'integration-password' },
    });
  });
  afterAll(async () => fake.close());

  it('files an incident with the bundle attached intact, and finds it by its key', async () => {
    const connector = createServicenowConnector(settings);
    const sent = testSubmission();
    const receipt = await connector.create(sent, testContext());
    expect(receipt.id).toMatch(/^INC\d{7}$/);
    expect(receipt.url).toContain('/nav_to.do?uri=incident.do%3Fsys_id%3D');
    const [sysId, incident] = [...fake.incidents].find(([, i]) => i.number === receipt.id) ?? [];
    expect(incident?.fields).toMatchObject({
      short_description: sent.subject,
      correlation_id: sent.idempotencyKey,
      urgency: '1',
      impact: '2',
      caller_id: 'jo@example.org',
    });
    expect(fake.attachments.filter((a) => a.tableSysId === sysId)).toEqual([
      {
        tableSysId: sysId,
        fileName: sent.bundle.fileName,
        sha256: sent.bundle.sha256,
        contentType: 'application/zip',
      },
    ]);
    expect(await connector.findByKey(sent.idempotencyKey, testContext())).toEqual(receipt);
    expect(await connector.findByKey('00000000-0000-0000-0000-000000000000', testContext())).toBeNull();
  });

  it('finishes a half-filed report by attaching to the existing incident, never filing a second one', async () => {
    const connector = createServicenowConnector(settings);
    const sent = testSubmission();
    fake.inject('POST /api/now/attachment/file', { status: 503, retryAfter: '30' });
    await expect(connector.create(sent, testContext())).rejects.toMatchObject({ kind: 'unknown-outcome' });
    expect(await connector.findByKey(sent.idempotencyKey, testContext())).toBeNull(); // no bundle yet: not filed
    const receipt = await connector.create(sent, testContext());
    expect(
      [...fake.incidents.values()].filter((i) => i.fields.correlation_id === sent.idempotencyKey),
    ).toHaveLength(1);
    expect(await connector.findByKey(sent.idempotencyKey, testContext())).toEqual(receipt);
  });

  it('after a dropped connection, finds what the server stored instead of filing again', async () => {
    const connector = createServicenowConnector(settings);
    const sent = testSubmission();
    fake.inject('POST /api/now/attachment/file', 'drop-after');
    await expect(connector.create(sent, testContext())).rejects.toMatchObject({ kind: 'unknown-outcome' });
    expect(await connector.findByKey(sent.idempotencyKey, testContext())).not.toBeNull();
  });

  it.each([
    [{ status: 401 }, 'auth', true],
    [{ status: 403 }, 'forbidden', true],
    [{ status: 413 }, 'too-large', true],
    [{ status: 429, retryAfter: '120' }, 'rate-limited', false],
    [{ status: 500 }, 'server', false],
  ] as const)('maps %o on the incident to %s', async (fault, kind, permanent) => {
    const connector = createServicenowConnector(settings);
    fake.inject('POST /api/now/table/incident', fault);
    const error = await connector.create(testSubmission(), testContext()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind, permanent });
    if (kind === 'rate-limited') expect(error).toMatchObject({ options: { retryAfterMs: 120_000 } });
    expect((error as Error).message).not.toContain('integration-password');
  });

  it('times out a slow answer to the create as an unknown outcome', async () => {
    const connector = createServicenowConnector(settings);
    fake.inject('POST /api/now/table/incident', { delayMs: 1_500 });
    await expect(connector.create(testSubmission(), testContext(500))).rejects.toMatchObject({
      kind: 'unknown-outcome',
    });
  });

  it('refuses bad settings with a clear message', () => {
    const bad = servicenowSettingsSchema.safeParse({
      kind: 'servicenow',
      instanceUrl: 'http://contoso.service-now.com',
      auth: { type: 'basic', user: 'x', password: 'short' },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message).join(' ')).toMatch(/https:\/\/.*too short/s);
  });
});
