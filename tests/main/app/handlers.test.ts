/**
 * The app's handlers where they act on paths the window sends: a compromised or buggy page must not
 * make the app reach a network share (on Windows, that sends the user's credentials to its host).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DesktopHost } from '../../../main/app/handlers';
import { createHandlers, deliveryProblem } from '../../../main/app/handlers';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../main/app/settings';
import { applyPolicy } from '../../../main/policy/apply';
import { testHost } from '../../support/desktop-host';

function handlers(platform: DesktopHost['platform'] = 'win32', settings: AppSettings = DEFAULT_SETTINGS) {
  const opened: string[] = [];
  const host = testHost({
    platform,
    openExternal: async (uri) => {
      opened.push(uri);
    },
  });
  const created = createHandlers({
    host,
    settings,
    stateDir: mkdtempSync(join(tmpdir(), 'triage-handlers-')),
  });
  return { handlers: created, shown: host.shown, opened };
}

const withPolicy = (values: Record<string, unknown>): AppSettings => {
  const { settings, warnings } = applyPolicy([{ source: 'test', values }]);
  expect(warnings).toEqual([]);
  return settings;
};

describe('path:show', () => {
  it.each([
    '\\\\host\\share\\b.zip',
    '/\\host\\share\\b.zip',
    '\\/host/share/b.zip',
    '\\\\?\\UNC\\h\\s\\b.zip',
  ])('refuses the network path %s and shows nothing', async (path) => {
    const { handlers: h, shown } = handlers();
    const result = await h['path:show'](path);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('network paths') });
    expect(shown).toEqual([]);
  });

  it('shows a local bundle', async () => {
    const { handlers: h, shown } = handlers();
    expect(await h['path:show']('C:\\Users\\ana\\Triage\\reports\\b.zip')).toEqual({ ok: true, value: null });
    expect(shown).toEqual(['C:\\Users\\ana\\Triage\\reports\\b.zip']);
  });
});

describe('buttons that open something', () => {
  it('offers only the settings pages this computer can open: none on Linux, all on Windows', async () => {
    expect((await handlers('linux').handlers['app:context']()).settingsPages).toEqual([]);
    const windows = (await handlers('win32').handlers['app:context']()).settingsPages;
    expect(windows).toContain('date-time');
    expect(windows).not.toContain('sign-in-page');
  });

  it("opens the network's sign-in page through the connectivity check's own URL, on every OS", async () => {
    const { handlers: h, opened } = handlers('linux');
    expect(await h['settings:open']('sign-in-page')).toEqual({ ok: true, value: null });
    expect(opened).toEqual(['http://www.msftconnecttest.com/connecttest.txt']);
    const custom = handlers('linux', withPolicy({ CheckUrl: 'http://check.contoso.com/ok' }));
    await custom.handlers['settings:open']('sign-in-page');
    expect(custom.opened).toEqual(['http://check.contoso.com/ok']);
  });

  it('says so, and opens nothing, where the OS has no such settings page', async () => {
    const { handlers: h, opened } = handlers('linux');
    expect(await h['settings:open']('date-time')).toMatchObject({ ok: false });
    expect(opened).toEqual([]);
  });

  it("calls IT's number and opens IT's page from policy, and nothing when policy sets none", async () => {
    const { handlers: h, opened } = handlers(
      'win32',
      withPolicy({ SupportPhone: '+49 (30) 1234-4242', SupportUrl: 'https://help.contoso.com/chat' }),
    );
    const context = await h['app:context']();
    expect(context.support).toEqual({ text: null, phone: '+49 (30) 1234-4242', web: true });
    await h['support:open']('phone');
    await h['support:open']('web');
    expect(opened).toEqual(['tel:+493012344242', 'https://help.contoso.com/chat']);
    const bare = handlers();
    expect(await bare.handlers['support:open']('web')).toMatchObject({ ok: false });
    expect(bare.opened).toEqual([]);
  });
});

describe('what the app says to the user, from policy', () => {
  it('names the helpdesk as the organisation does, and can hide the technician entry', async () => {
    const plain = await handlers().handlers['app:context']();
    expect(plain).toMatchObject({ helpdeskName: null, technicianEntry: true });
    const branded = await handlers(
      'win32',
      withPolicy({ HelpdeskName: 'the Contoso Service Desk', TechnicianView: 'hide' }),
    ).handlers['app:context']();
    expect(branded).toMatchObject({ helpdeskName: 'the Contoso Service Desk', technicianEntry: false });
  });

  it('refuses a support page that is not https and a phone number that is not one', () => {
    const { warnings, settings } = applyPolicy([
      { source: 'test', values: { SupportUrl: 'http://help.contoso.com', SupportPhone: 'call me' } },
    ]);
    expect(warnings.join('\n')).toMatch(
      /SupportUrl[\s\S]*https[\s\S]*SupportPhone|SupportPhone[\s\S]*SupportUrl/,
    );
    expect(settings.support).toEqual({ text: null, phone: null, url: null });
  });
});

describe('why a report has not gone, in the terms of the next step', () => {
  it.each([
    ['network', 'offline'],
    ['timeout', 'offline'],
    [undefined, 'offline'],
    ['proxy-auth', 'proxy-sign-in'],
    ['server', 'helpdesk-busy'],
    ['unknown-outcome', 'helpdesk-busy'],
    ['auth', 'setup'],
    ['forbidden', 'setup'],
    ['rejected', 'refused'],
    ['too-large', 'too-large'],
  ])('%s → %s', (kind, problem) => {
    expect(deliveryProblem(kind)).toBe(problem);
  });
});
