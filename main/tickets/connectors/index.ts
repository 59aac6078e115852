/**
 * Every connector Triage has, chosen by the `kind` of the helpdesk settings (from managed policy,
 * or a file for the CLI). Nothing configured means the local folder: the report is saved and the
 * user is told where.
 */
import { z } from 'zod';
import type { Connector } from '../types';
import { createEmailConnector, emailSettingsSchema } from './email';
import { createFreshserviceConnector, freshserviceSettingsSchema } from './freshservice';
import { createGlpiConnector, glpiSettingsSchema } from './glpi';
import { createJiraConnector, jiraSettingsSchema } from './jira';
import { createLocalFolderConnector, localFolderSettingsSchema } from './local-folder';
import { createRequestTrackerConnector, requestTrackerSettingsSchema } from './request-tracker';
import { createServicenowConnector, servicenowSettingsSchema } from './servicenow';
import { createZendeskConnector, zendeskSettingsSchema } from './zendesk';
import { createWebhookConnector, webhookSettingsSchema } from './webhook';

export const helpdeskSettingsSchema = z.discriminatedUnion('kind', [
  localFolderSettingsSchema,
  emailSettingsSchema,
  webhookSettingsSchema,
  requestTrackerSettingsSchema,
  servicenowSettingsSchema,
  zendeskSettingsSchema,
  jiraSettingsSchema,
  freshserviceSettingsSchema,
  glpiSettingsSchema,
]);
export type HelpdeskSettings = z.infer<typeof helpdeskSettingsSchema>;

export const DEFAULT_HELPDESK: HelpdeskSettings = { kind: 'local-folder' };

export function createConnector(settings: HelpdeskSettings): Connector {
  switch (settings.kind) {
    case 'local-folder':
      return createLocalFolderConnector(settings);
    case 'email':
      return createEmailConnector(settings);
    case 'webhook':
      return createWebhookConnector(settings);
    case 'request-tracker':
      return createRequestTrackerConnector(settings);
    case 'servicenow':
      return createServicenowConnector(settings);
    case 'zendesk':
      return createZendeskConnector(settings);
    case 'jira':
      return createJiraConnector(settings);
    case 'freshservice':
      return createFreshserviceConnector(settings);
    case 'glpi':
      return createGlpiConnector(settings);
  }
}
