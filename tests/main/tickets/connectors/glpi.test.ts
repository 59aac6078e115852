/**
 * The GLPI connector against a fake GLPI that follows the documented apirest.php flow (session,
 * Ticket, Document upload, Document_Item, search), its small upload cap, and failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGlpiConnector,
  glpiSettingsSchema,
  type GlpiSettings,
} from '../../../../main/tickets/connectors/glpi';
import { startFakeGlpi, type FakeGlpi } from '../../../support/fake-helpdesks/glpi';
import { testContext, testSubmission } from '../../../support/submissions';

const CAP = 200_000;

describe('the GLPI connector', () => {
  let fake: FakeGlpi;
  let settings: GlpiSettings;
  beforeAll(async () => {
    fake = await startFakeGlpi('glpi-user-token-123', 'glpi-app-token-456', CAP);
    settings = glpiSettingsSchema.parse({
      kind: 'glpi',
      apiUrl: `${fake.url}/apirest.php`,
      userToken: 'glpi-user-token-123',
      appToken: 'glpi-app-token-456',
    });
  });
  afterAll(async () => fake.close());

  it('files a ticket with the bundle as a linked document, finds it by its key, and closes every session', async () => {
    const connector = createGlpiConnector(settings);
    const sent = testSubmission();
    const receipt = await connector.create(sent, testContext());
    expect(receipt.url).toBe(`${fake.url}/front/ticket.form.php?id=${receipt.id}`);
    expect(fake.tickets.get(Number(receipt.id))).toMatchObject({
      input: { name: sent.subject, urgency: 4 },
      documents: [{ fileName: sent.bundle.fileName, sha256: sent.bundle.sha256 }],
    });
    expect(await connector.findByKey(sent.idempotencyKey, testContext())).toEqual(receipt);
    expect(await connector.findByKey('00000000-0000-0000-0000-000000000000', testContext())).toBeNull();
    expect(fake.openSessions.size).toBe(0);
  });

  it('says which GLPI setting to raise when the bundle is over the upload cap, and still closes the session', async () => {
    const error = await createGlpiConnector(settings)
      .create(testSubmission(CAP + 10_000), testContext())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'too-large', permanent: true });
    expect((error as Error).message).toMatch(/document_max_size/);
    expect(fake.openSessions.size).toBe(0);
  });

  it('finishes a ticket whose upload failed, without filing a second one', async () => {
    const connector = createGlpiConnector(settings);
    const sent = testSubmission();
    fake.inject('POST /apirest.php/Document', { status: 503 });
    await expect(connector.create(sent, testContext())).rejects.toMatchObject({ kind: 'unknown-outcome' });
    expect(await connector.findByKey(sent.idempotencyKey, testContext())).toBeNull();
    await connector.create(sent, testContext());
    expect(
      [...fake.tickets.values()].filter((t) => String(t.input.content).includes(sent.idempotencyKey)),
    ).toHaveLength(1);
  });

  it('maps a refused user token to an auth problem, without the token in the message', async () => {
    const error = await createGlpiConnector({ ...settings, userToken: 'wrong-token-value' })
      .create(testSubmission(), testContext())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth', permanent: true });
    expect((error as Error).message).not.toContain('wrong-token-value');
  });

  it('refuses bad settings with a clear message', () => {
    expect(
      glpiSettingsSchema
        .safeParse({ kind: 'glpi', apiUrl: 'ftp://glpi', userToken: 'x' })
        .error?.issues.map((i) => i.message)
        .join(' '),
    ).toMatch(/URL.*too short/s);
  });
});
