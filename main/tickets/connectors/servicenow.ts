/**
 * ServiceNow, through the Table API (incident) and the Attachment API:
 *
 *   POST /api/now/table/incident           the incident, correlation_id = our key
 *   POST /api/now/attachment/file?…        the bundle, raw bytes
 *   GET  /api/now/table/incident?…         lookup by correlation_id
 *   GET  /api/now/attachment?…             is the bundle attached?
 * Auth: Basic (a user with the itil role, or the narrower rights in docs/helpdesks.md) or an OAuth
 * bearer token. (ServiceNow REST API reference: Table API, Attachment API.)
 *
 * The incident and its attachment are two requests, so a report can end half filed. Hence a ticket
 * counts as filed only with its attachment: findByKey ignores an incident without one, and create()
 * first looks for the incident by correlation_id and only attaches when it exists — never a second
 * incident.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { basicAuth, json, send } from '../http';
import {
  ConnectorError,
  type Connector,
  type ConnectorContext,
  type TicketPriority,
  type TicketReceipt,
} from '../types';
import { httpsUrl, secretSchema } from './settings';

export const servicenowSettingsSchema = z.object({
  kind: z.literal('servicenow'),
  /** The instance, e.g. https://contoso.service-now.com */
  instanceUrl: httpsUrl,
  auth: z.discriminatedUnion('type', [
    z.object({ type: z.literal('basic'), user: z.string().min(1), password: secretSchema }),
    z.object({ type: z.literal('bearer'), token: secretSchema }),
  ]),
  category: z.string().min(1).max(80).optional(),
  assignmentGroup: z.string().min(1).max(80).optional(),
});
export type ServicenowSettings = z.infer<typeof servicenowSettingsSchema>;

/** ServiceNow's urgency and impact are 1 (high) to 3 (low); priority is derived from both by the instance. */
const URGENCY: Readonly<Record<TicketPriority, { urgency: number; impact: number }>> = {
  urgent: { urgency: 1, impact: 1 },
  high: { urgency: 1, impact: 2 },
  normal: { urgency: 2, impact: 3 },
  low: { urgency: 3, impact: 3 },
};

export function createServicenowConnector(settings: ServicenowSettings): Connector {
  const base = settings.instanceUrl.replace(/\/+$/, '');
  const service = 'ServiceNow';
  const auth =
    settings.auth.type === 'basic'
      ? basicAuth(settings.auth.user, settings.auth.password)
      : `Bearer ${settings.auth.token}`;
  const headers = { Authorization: auth, Accept: 'application/json' };
  const receipt = (sysId: string, number: string): TicketReceipt => ({
    id: number,
    url: `${base}/nav_to.do?uri=${encodeURIComponent(`incident.do?sys_id=${sysId}`)}`,
  });

  const incidentByKey = async (
    key: string,
    context: ConnectorContext,
  ): Promise<{ sys_id: string; number: string } | null> => {
    const query = new URLSearchParams({
      sysparm_query: `correlation_id=${key}`,
      sysparm_fields: 'sys_id,number',
      sysparm_limit: '1',
    });
    const found = json<{ result?: { sys_id?: string; number?: string }[] }>(
      await send(
        { method: 'GET', url: `${base}/api/now/table/incident?${query.toString()}`, service, headers },
        context,
      ),
      service,
    );
    const first = found.result?.[0];
    return first?.sys_id && first.number ? { sys_id: first.sys_id, number: first.number } : null;
  };
  const hasAttachment = async (sysId: string, context: ConnectorContext): Promise<boolean> => {
    const query = new URLSearchParams({
      sysparm_query: `table_name=incident^table_sys_id=${sysId}`,
      sysparm_limit: '1',
    });
    const found = json<{ result?: unknown[] }>(
      await send(
        { method: 'GET', url: `${base}/api/now/attachment?${query.toString()}`, service, headers },
        context,
      ),
      service,
    );
    return (found.result?.length ?? 0) > 0;
  };

  return {
    kind: 'servicenow',
    destination: `ServiceNow at ${new URL(base).host}`,
    async create(submission, context) {
      const existing = await incidentByKey(submission.idempotencyKey, context);
      let incident = existing;
      if (!incident) {
        const { urgency, impact } = URGENCY[submission.priority];
        const body = {
          short_description: submission.subject,
          description: submission.description,
          correlation_id: submission.idempotencyKey,
          correlation_display: 'Triage',
          urgency: String(urgency),
          impact: String(impact),
          ...(settings.category ? { category: settings.category } : {}),
          ...(settings.assignmentGroup ? { assignment_group: settings.assignmentGroup } : {}),
          ...(submission.requester?.email ? { caller_id: submission.requester.email } : {}),
        };
        const created = json<{ result?: { sys_id?: string; number?: string } }>(
          await send(
            {
              method: 'POST',
              url: `${base}/api/now/table/incident`,
              service,
              headers: { ...headers, 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            },
            context,
          ),
          service,
        );
        if (!created.result?.sys_id || !created.result.number)
          throw new ConnectorError(
            'bad-response',
            `${service} created something but did not say which incident.`,
          );
        incident = { sys_id: created.result.sys_id, number: created.result.number };
      } else if (await hasAttachment(incident.sys_id, context)) {
        return receipt(incident.sys_id, incident.number);
      }
      const bundle = await readFile(submission.bundle.path);
      const query = new URLSearchParams({
        table_name: 'incident',
        table_sys_id: incident.sys_id,
        file_name: submission.bundle.fileName,
      });
      try {
        await send(
          {
            method: 'POST',
            url: `${base}/api/now/attachment/file?${query.toString()}`,
            service,
            headers: { ...headers, 'Content-Type': 'application/zip' },
            body: new Uint8Array(bundle),
          },
          context,
        );
      } catch (error) {
        if (!(error instanceof ConnectorError) || error.permanent) throw error;
        // The incident exists: the next attempt finds it and attaches, never files another.
        throw new ConnectorError(
          'unknown-outcome',
          `${service} created incident ${incident.number}, but attaching the bundle failed: ${error.message}`,
          { cause: error },
        );
      }
      return receipt(incident.sys_id, incident.number);
    },
    async findByKey(key, context) {
      const incident = await incidentByKey(key, context);
      // Half filed (no bundle yet) is not filed: create() will finish it.
      return incident && (await hasAttachment(incident.sys_id, context))
        ? receipt(incident.sys_id, incident.number)
        : null;
    },
  };
}
