/**
 * The desktop app's screens, driven as a person would: from "What's going wrong?" to "Sent", and
 * the technician's bundle view. Real handlers, real probes (in a namespace), real bundles. Every
 * screen is checked with axe-core and saved as a screenshot in test-results/screenshots/.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBundle } from '../../main/bundle/read';
import { verifyBundle } from '../../main/bundle/verify';
import { MESSAGES } from '../../probes/findings/messages';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';
import { launchChromium, SCREENSHOTS } from '../support/browser';
import { startFakeRelay } from '../support/fake-relay';
import { createBareNamespace, namespaceSupport, type BareNamespace } from '../support/netns';
import { axeViolations, startApp, type AppUnderTest } from './harness';

const support = namespaceSupport();
const RELAY_SECRET = 'a-relay-secret-of-enough-length';

/**
 * Fails if the page shows any English word of the app's catalogs, of a finding's text or of a
 * check's name that German says differently: a German user must read German everywhere.
 */
async function expectNoEnglish(page: Page, screen: string): Promise<void> {
  const shown = await page.locator('body').innerText();
  const literal = (message: string): string[] =>
    message
      .split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/)
      .map((part) => part.trim())
      .filter((part) => part.length >= 12);
  const english = new Set<string>();
  for (const key of Object.keys(en) as (keyof typeof en)[])
    if (en[key] !== de[key]) for (const part of literal(en[key])) english.add(part);
  for (const [id, text] of Object.entries(MESSAGES.en)) {
    const german = MESSAGES.de[id];
    if (german && text.title !== german.title) for (const part of literal(text.title)) english.add(part);
  }
  const found = [...english].filter((part) => shown.includes(part));
  expect(found, `English on the German ${screen} screen`).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `app-${name}.png`), fullPage: true });
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
}

describe.skipIf(support.skip)(`the desktop app${support.skip ? ` (skipped: ${support.reason})` : ''}`, () => {
  let browser: Browser;
  let ns: BareNamespace;
  beforeAll(async () => {
    browser = await launchChromium();
    ns = createBareNamespace('tapp');
    // Every packet inside the namespace is held for 1.5 s, as on a bad network: the checks that talk
    // to the network then take long enough for the "checking" screen to be seen and photographed.
    ns.run('tc', ['qdisc', 'add', 'dev', 'lo', 'root', 'netem', 'delay', '1500ms']);
  });
  afterAll(async () => {
    // Unset if beforeAll failed.
    await (browser as Browser | undefined)?.close();
    (ns as BareNamespace | undefined)?.remove();
  });

  describe('the user flow, from "Get help" to "Sent"', () => {
    let app: AppUnderTest;
    let savedBundle = '';
    beforeAll(async () => {
      const stateDir = mkdtempSync(join(tmpdir(), 'triage-app-'));
      app = await startApp(browser, {
        namespace: ns.name,
        stateDir,
        settings: {
          support: { text: 'the IT service desk, ext. 4242', phone: '+49 30 1234 4242', url: null },
          helpdeskName: 'the Contoso Service Desk',
          helpdesk: { kind: 'local-folder', folder: join(stateDir, 'saved') },
        },
      });
    });
    afterAll(async () => (app as AppUnderTest | undefined)?.close()); // unset if beforeAll failed

    it('1. asks what is wrong, and will not start without a description', async () => {
      const { page } = app;
      await page.getByRole('heading', { name: "What's going wrong?" }).waitFor();
      await shoot(page, '1-describe');
      await page.getByRole('button', { name: 'Check my computer' }).click();
      await expect(page.getByRole('alert').innerText()).resolves.toContain('choose what kind of problem');
      await page.getByLabel("I can't connect").check();
      await page.getByRole('button', { name: 'Check my computer' }).click();
      await expect(page.getByRole('alert').innerText()).resolves.toContain('write a few words');
    });

    it('keeps what the user typed when the app is closed and opened again', async () => {
      const { page } = app;
      await page.getByLabel('What happened?').fill('Teams disconnects every few minutes since this morning.');
      await page.waitForTimeout(700); // the draft is saved shortly after typing stops
      await page.reload();
      await page.getByRole('heading', { name: "What's going wrong?" }).waitFor();
      await expect(page.getByLabel('What happened?').inputValue()).resolves.toBe(
        'Teams disconnects every few minutes since this morning.',
      );
      await expect(page.getByText('We kept what you wrote last time.').isVisible()).resolves.toBe(true);
      await expect(page.getByLabel("I can't connect").isChecked()).resolves.toBe(true);
    });

    it('2. shows live progress per check while checking', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Check my computer' }).click();
      await page.getByRole('heading', { name: 'Checking your computer…' }).waitFor();
      await page.getByRole('progressbar').waitFor();
      // The network checks wait on the namespace's slow network, so the list of checks is seen
      // filling in; each check shows its state in words.
      await page.locator('li.check').first().waitFor();
      await expect(page.locator('li.check .state').first().innerText()).resolves.toMatch(
        /Checking|Waiting|Done|Not on this computer|Could not check|Took too long|Partly done/,
      );
      await page.screenshot({ path: join(SCREENSHOTS, 'app-2-checking.png'), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
    });

    it('3. explains the findings, most important first, with steps the user can take', async () => {
      const { page } = app;
      await page
        .getByRole('heading', { name: /Here's what we found|No problems found/ })
        .waitFor({ timeout: 60_000 });
      // Within each group (the likely cause, other fixes, for IT), the most severe comes first.
      const order = ['critical', 'warning', 'info', 'ok'];
      for (const group of await page.locator('.findings').all()) {
        const severities = await group
          .locator('article.finding')
          .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).className.replace('finding ', '')));
        expect([...severities].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(severities);
      }
      await shoot(page, '3-results');
      // Buttons name what they open; none says just "Open the settings".
      await expect(page.getByRole('button', { name: 'Open the settings' }).count()).resolves.toBe(0);
      const settingsButton = page.getByRole('button', { name: /^Open .*settings$/ }).first();
      if (await settingsButton.count()) {
        await settingsButton.click();
        expect(
          app.opened.some((uri) => uri.startsWith('ms-settings:') || uri.startsWith('windowsdefender:')),
        ).toBe(true);
      }
    });

    it('4. shows exactly what will be sent, with redactions marked, and lets the user leave sections out', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Review what will be sent' }).click();
      await page.getByRole('heading', { name: 'Review what will be sent' }).waitFor();
      // One screen: to whom (the organisation's name for it), what goes, what is hidden, and Send
      // in view without scrolling; no technical address in the summary.
      await expect(page.locator('.consent .recipient').innerText()).resolves.toBe('the Contoso Service Desk');
      await expect(page.locator('.consent').innerText()).resolves.not.toMatch(
        /https?:|127\.0\.0\.1|[\\/]saved/,
      );
      const send = await page.getByRole('button', { name: 'Send to IT' }).boundingBox();
      expect(send && send.y + send.height).toBeLessThan(page.viewportSize()?.height ?? 0);
      await shoot(page, '4-review');
      // The exact content, and what may be left out, is behind "Technical details".
      await page.getByText('Technical details, and what you may leave out').click();
      await expect(page.getByText('Always included').count()).resolves.toBeGreaterThanOrEqual(2);
      const log = page.getByRole('checkbox', { name: /Triage's log/ });
      await log.uncheck();
      await page.getByText('Left out').first().waitFor();
      await expect(page.locator('.consent').innerText()).resolves.not.toContain(
        "Triage's own log of this run",
      );
      // "About this computer" holds the user name, which standard redaction replaces with a marked placeholder.
      await page
        .locator('li.section', { hasText: 'About this computer' })
        .getByText('Show what will be sent')
        .click();
      await page.locator('mark', { hasText: '[user-1]' }).first().waitFor();
      await shoot(page, '4-review-details');
    });

    it('5. sends (here: saves, as no helpdesk is configured) and says where the report is', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Send to IT' }).click();
      await page.getByRole('heading', { name: 'Your report was saved' }).waitFor({ timeout: 30_000 });
      const where = await page.getByText(/^Saved as: /).innerText();
      savedBundle = where.replace(/^Saved as: /, '').trim();
      expect(existsSync(savedBundle)).toBe(true);
      const bundle = await parseBundle(readFileSync(savedBundle));
      expect(verifyBundle(bundle).problems).toEqual([]);
      expect(bundle.manifest.excluded).toContain('log');
      expect(bundle.manifest.problem?.description).toContain('Teams disconnects');
      await expect(page.getByText('the IT service desk, ext. 4242').count()).resolves.toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Call IT: +49 30 1234 4242' }).click();
      expect(app.opened).toContain('tel:+493012344242');
      await shoot(page, '5-sent');
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('heading', { name: "What's going wrong?" }).waitFor();
      await expect(page.getByLabel('What happened?').inputValue()).resolves.toBe('');
    });

    it('6. lets a technician open the bundle, search its data and compare two bundles', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'For IT: open a bundle' }).click();
      await page.getByRole('heading', { name: 'Open a bundle' }).waitFor();
      await shoot(page, '6-technician-open');
      app.chooser.push(savedBundle);
      await page.getByRole('button', { name: 'Choose a bundle…' }).click();
      await page.getByText('Intact: every file matches its checksum.').waitFor();
      await shoot(page, '6-technician-findings');
      await page.getByRole('tab', { name: 'System' }).click();
      await shoot(page, '6-technician-system');
      await page.getByRole('tab', { name: 'System' }).press('ArrowRight');
      await expect(page.getByRole('tab', { name: 'Checks' }).getAttribute('aria-selected')).resolves.toBe(
        'true',
      );
      await page.getByLabel('Search the data').fill('hardware.cpu');
      await expect(page.locator('.checks-table tbody tr').count()).resolves.toBe(1);
      await shoot(page, '6-technician-checks');
      await page.getByRole('tab', { name: 'Compare' }).click();
      app.chooser.push(savedBundle);
      await page.getByRole('button', { name: 'Choose a bundle to compare…' }).click();
      await page.getByRole('heading', { name: 'New findings' }).waitFor();
      await shoot(page, '6-technician-compare');
    });

    it('says clearly what is wrong with a hostile bundle, and shows nothing from it', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Close this bundle' }).click();
      const hostile = join(app.stateDir, 'hostile.zip');
      writeFileSync(hostile, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 0x41)]));
      app.chooser.push(hostile);
      await page.getByRole('button', { name: 'Choose a bundle…' }).click();
      await expect(page.getByRole('alert').innerText()).resolves.toMatch(/not a readable zip|damaged/);
      await shoot(page, '6-technician-hostile');
    });
  });

  it('sends a report queued while offline by itself, tells the user, and lists its ticket number', async () => {
    const relay = await startFakeRelay(RELAY_SECRET);
    let online = false;
    // The network is down: every request fails to connect, as Node's fetch reports it.
    const transport = async (url: string, init: RequestInit): Promise<Response> => {
      if (online) return fetch(url, init);
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error(`connect ECONNREFUSED ${new URL(url).host}`), {
          code: 'ECONNREFUSED',
        }),
      });
    };
    const app = await startApp(browser, {
      namespace: ns.name,
      settings: { helpdesk: { kind: 'webhook', url: relay.url, secret: RELAY_SECRET } },
      autoSend: { minDelayMs: 200, maxDelayMs: 1_000 },
      transport,
    });
    try {
      const { page } = app;
      await page.getByRole('heading', { name: "What's going wrong?" }).waitFor();
      await page.getByLabel('Something else').check();
      await page.getByLabel('What happened?').fill('Outlook says it is offline.');
      await page.getByRole('button', { name: 'Check my computer' }).click();
      await page
        .getByRole('heading', { name: /Here's what we found|No problems found/ })
        .waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Review what will be sent' }).click();
      await page.getByRole('button', { name: 'Send to IT' }).click();
      await page
        .getByRole('heading', { name: 'Saved — it will be sent when the connection works' })
        .waitFor({ timeout: 30_000 });
      // Why, in words; never the error code the transport gave.
      await page.getByText('This computer cannot reach the helpdesk right now.').waitFor();
      await expect(page.locator('main').innerText()).resolves.not.toMatch(
        /ECONNREFUSED|fetch failed|127\.0\.0\.1/,
      );
      await page.getByRole('heading', { name: 'How to reach IT' }).waitFor();
      await shoot(page, '5-queued');
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByText('1 report is waiting to be sent').waitFor();
      await page.getByText('Waiting to be sent', { exact: true }).waitFor();
      // Trying again while still offline says so, instead of nothing.
      await page.getByRole('button', { name: 'Try sending now' }).click();
      await page.getByText(/Tried again just now: it could not be sent yet/).waitFor();

      // The network comes back; nobody touches anything.
      online = true;
      await page.getByText(/^Sent · ticket /).waitFor({ timeout: 60_000 });
      const [ticket] = [...relay.tickets.values()];
      expect(relay.tickets.size).toBe(1);
      await expect(page.getByText(`Sent · ticket ${ticket?.id}`).isVisible()).resolves.toBe(true);
      await expect(page.getByText(/reports? (is|are) waiting to be sent/).count()).resolves.toBe(0);
      expect(app.notifications).toEqual([
        `Your report was sent: IT received your report “${ticket?.metadata.subject as string}”. Ticket number: ${ticket?.id}.`,
      ]);
      await shoot(page, '1-describe-with-reports');
    } finally {
      await app.close();
      await relay.close();
    }
  });

  it('can be used from the keyboard alone', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'triage-app-'));
    const app = await startApp(browser, {
      namespace: ns.name,
      stateDir,
      settings: { helpdesk: { kind: 'local-folder', folder: join(stateDir, 'saved') } },
    });
    const { page } = app;
    await page.getByRole('heading', { name: "What's going wrong?" }).waitFor();
    // Focus starts on the heading; Tab walks the form in order.
    const focused = async (): Promise<string> =>
      page.evaluate(() =>
        `${document.activeElement?.tagName} ${document.activeElement?.getAttribute('type') ?? ''} ${(document.activeElement as HTMLInputElement | null)?.value ?? ''}`.trim(),
      );
    let guard = 0;
    while (!(await focused()).startsWith('INPUT radio') && guard++ < 10) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.getByLabel("I can't connect").isChecked()).resolves.toBe(true);
    while (!(await focused()).startsWith('TEXTAREA') && guard++ < 20) await page.keyboard.press('Tab');
    await page.keyboard.type('The network is down.');
    while (!(await focused()).includes('Check my computer') && guard++ < 40) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Check my computer') break;
    }
    await page.keyboard.press('Enter');
    await page
      .getByRole('heading', { name: /Here's what we found|No problems found/ })
      .waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'app-keyboard-results.png') });
    await app.close();
  });

  it('speaks German on every screen when asked, and follows a dark OS theme', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'triage-app-'));
    const app = await startApp(browser, {
      namespace: ns.name,
      stateDir,
      colorScheme: 'dark',
      locale: 'de-DE',
      settings: { helpdesk: { kind: 'local-folder', folder: join(stateDir, 'saved') } },
    });
    const { page } = app;
    const walk = async (name: string): Promise<void> => {
      await expectNoEnglish(page, name);
      await shoot(page, `de-dark-${name}`);
    };
    await page.getByRole('heading', { name: 'Was funktioniert nicht?' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('de');
    await walk('describe');
    // The findings of a check come in the same language: the test namespace has no network adapter.
    await page.getByLabel('Ich komme nicht ins Netz').check();
    await page.getByLabel('Was ist passiert?').fill('Kein Internet seit heute Morgen.');
    await page.getByRole('button', { name: 'Computer prüfen' }).click();
    await page.getByRole('heading', { name: 'Ihr Computer wird geprüft…' }).waitFor();
    await page.locator('li.check').first().waitFor();
    await walk('checking');
    await page.getByRole('heading', { name: 'Das haben wir gefunden' }).waitFor({ timeout: 60_000 });
    await page.getByText('Dieser Computer ist mit keinem Netzwerk verbunden').first().waitFor();
    // Everything folded is unfolded, so its words are checked too.
    for (const summary of await page.locator('summary').all()) await summary.click();
    await walk('results');
    await page.getByRole('button', { name: 'Kontrollieren, was gesendet wird' }).click();
    await page.getByRole('heading', { name: 'Kontrollieren, was gesendet wird' }).waitFor();
    await page.locator('details.technical > summary').click();
    await walk('review');
    await page.getByRole('button', { name: 'An die IT senden' }).click();
    await page.getByRole('heading', { name: 'Ihr Bericht wurde gespeichert' }).waitFor({ timeout: 30_000 });
    await walk('sent');
    await page.getByRole('button', { name: 'Fertig' }).click();
    await page.getByRole('heading', { name: 'Was funktioniert nicht?' }).waitFor();
    await walk('describe-with-reports');
    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('heading', { name: "What's going wrong?" }).waitFor();
    await shoot(page, 'en-dark-describe');
    await app.close();
  });
});
