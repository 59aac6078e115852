/**
 * The app's handlers where they act on paths the window sends: a compromised or buggy page must not
 * make the app reach a network share (on Windows, that sends the user's credentials to its host).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/app/handlers';
import { DEFAULT_SETTINGS } from '../../../main/app/settings';
import { testHost } from '../../support/desktop-host';

function handlers() {
  const host = testHost({ platform: 'win32' });
  const created = createHandlers({
    host,
    settings: DEFAULT_SETTINGS,
    stateDir: mkdtempSync(join(tmpdir(), 'triage-handlers-')),
  });
  return { handlers: created, shown: host.shown };
}

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
