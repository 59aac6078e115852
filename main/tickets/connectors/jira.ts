/**
 * Jira Service Management (Cloud or Data Center), through the Service Desk REST API:
 *
 *   POST /rest/servicedeskapi/request                              the request, labelled triage-<key>
 *   POST /rest/servicedeskapi/servicedesk/{id}/attachTemporaryFile the bundle, then
 *   POST /rest/servicedeskapi/request/{key}/attachment             attached to the request
 *   GET  /rest/api/2/search?jql=…                                  lookup by label
 * Auth: Basic <e-mail>:<API token>. Jira has no idempotency key, so Triage's key travels as a label
 * (the request type must show the Labels field) and is found with JQL. The request and its
 * attachment are separate calls: findByKey counts a request only once the bundle is attached, and
 * create() finishes an existing request instead of raising a second one.
 * (Atlassian: Jira Service Management Cloud REST API, "Create customer request", "Attach temporary file".)
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { basicAuth, json, send } from '../http';
import { ConnectorError, type Connector, type ConnectorContext, type TicketReceipt } from '../types';
import { httpsUrl, secretSchema } from './settings';

export const jiraSettingsSchema = z.object({
  kind: z.literal('jira'),
  /** The site, e.g. https://contoso.atlassian.net */
  url: httpsUrl,
  email: z.email({ message: 'must be the e-mail address of the account the API token belongs to' }),
  apiToken: secretSchema,
  serviceDeskId: z.string().regex(/^\d+$/, { message: "must be the service desk's numeric id" }),
  requestTypeId: z.string().regex(/^\d+$/, { message: "must be the request type's numeric id" }),
});
export type JiraSettings = z.infer<typeof jiraSettingsSchema>;

const label = (key: string): string => `triage-${key}`;

export function createJiraConnector(settings: JiraSettings): Connector {
  const base = settings.url.replace(/\/+$/, '');
  const service = 'Jira Service Management';
  const headers = { Authorization: basicAuth(settings.email, settings.apiToken), Accept: 'application/json' };
  const receipt = (key: string): TicketReceipt => ({ id: key, url: `${base}/browse/${key}` });

  const requestByKey = async (
    key: string,
    context: ConnectorContext,
  ): Promise<{ key: string; attached: boolean } | null> => {
    const query = new URLSearchParams({
      jql: `labels = "${label(key)}"`,
      fields: 'attachment',
      maxResults: '1',
    });
    const found = json<{ issues?: { key?: string; fields?: { attachment?: unknown[] } }[] }>(
      await send(
        { method: 'GET', url: `${base}/rest/api/2/search?${query.toString()}`, service, headers },
        context,
      ),
      service,
    );
    const issue = found.issues?.[0];
    return issue?.key ? { key: issue.key, attached: (issue.fields?.attachment?.length ?? 0) > 0 } : null;
  };

  return {
    kind: 'jira',
    destination: `Jira Service Management at ${new URL(base).host}`,
    async create(submission, context) {
      let request = await requestByKey(submission.idempotencyKey, context);
      if (request?.attached) return receipt(request.key);
      if (!request) {
        const body = {
          serviceDeskId: settings.serviceDeskId,
          requestTypeId: settings.requestTypeId,
          requestFieldValues: {
            summary: submission.subject.slice(0, 254),
            description: submission.description,
            labels: [label(submission.idempotencyKey)],
          },
          ...(submission.requester?.email ? { raiseOnBehalfOf: submission.requester.email } : {}),
        };
        const created = json<{ issueKey?: string }>(
          await send(
            {
              method: 'POST',
              url: `${base}/rest/servicedeskapi/request`,
              service,
              headers: { ...headers, 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            },
            context,
          ),
          service,
        );
        if (!created.issueKey)
          throw new ConnectorError(
            'bad-response',
            `${service} created something but did not say its issue key.`,
          );
        request = { key: created.issueKey, attached: false };
      }
      try {
        const form = new FormData();
        form.append(
          'file',
          new Blob([new Uint8Array(await readFile(submission.bundle.path))], { type: 'application/zip' }),
          submission.bundle.fileName,
        );
        const temporary = json<{ temporaryAttachments?: { temporaryAttachmentId?: string }[] }>(
          await send(
            {
              method: 'POST',
              url: `${base}/rest/servicedeskapi/servicedesk/${settings.serviceDeskId}/attachTemporaryFile`,
              service,
              headers: { ...headers, 'X-Atlassian-Token': 'no-check' },
              body: form,
            },
            context,
          ),
          service,
        );
        const ids = (temporary.temporaryAttachments ?? [])
          .map((t) => t.temporaryAttachmentId)
          .filter((id): id is string => Boolean(id));
        if (ids.length === 0)
          throw new ConnectorError(
            'bad-response',
            `${service} stored the bundle but returned no attachment id.`,
          );
        await send(
          {
            method: 'POST',
            url: `${base}/rest/servicedeskapi/request/${encodeURIComponent(request.key)}/attachment`,
            service,
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: JSON.stringify({ temporaryAttachmentIds: ids, public: false }),
          },
          context,
        );
      } catch (error) {
        if (!(error instanceof ConnectorError) || error.permanent) throw error;
        // The request exists: the next attempt finds it and attaches, never raises another.
        throw new ConnectorError(
          'unknown-outcome',
          `${service} created ${request.key}, but attaching the bundle failed: ${error.message}`,
          { cause: error },
        );
      }
      return receipt(request.key);
    },
    async findByKey(key, context) {
      const request = await requestByKey(key, context);
      return request?.attached ? receipt(request.key) : null;
    },
  };
}
