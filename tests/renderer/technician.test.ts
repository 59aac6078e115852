/**
 * The technician's bundle view in the real renderer: who and what first, findings in the reader's
 * language (a German user's bundle read in English, and back), Compare in capture order, and no
 * English word left in the German view. Every state is checked with axe-core and photographed, in
 * light and dark, English and German. No checks run here: the bundles are made from fixture runs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../../main/bundle/contents';
import { prepareBundle } from '../../main/bundle/prepare';
import { writeZipAtomic } from '../../main/bundle/zip';
import type { Report } from '../../main/report';
import { renderFinding } from '../../probes/findings/evaluate';
import { MESSAGES } from '../../probes/findings/messages';
import { ALL_PROBES } from '../../probes/index';
import { CHECK_NAMES } from '../../probes/names';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';
import { launchChromium, SCREENSHOTS } from '../support/browser';
import { sampleReport } from '../support/sample-report';
import { axeViolations, startApp, type AppUnderTest } from './harness';

const OLDER = '2026-11-20T08:00:00.000Z';
const NEWER = '2026-11-24T10:00:00.000Z';

type Interface = { name: string; mac: string | null; mtu: number | null };

/** Two captures of one machine, findings stored in German (the user's language). */
async function captures(): Promise<{ older: Report; newer: Report }> {
  const base = await sampleReport('win32');
  const german = base.findings.map((f) => renderFinding(f, 'de'));
  const edit = (report: Report, createdAt: string, change: (i: Interface) => Interface): Report => ({
    ...report,
    createdAt,
    run: {
      ...report.run,
      probes: report.run.probes.map((p) =>
        p.id === 'network.interfaces' && p.data
          ? { ...p, data: { interfaces: (p.data as { interfaces: Interface[] }).interfaces.map(change) } }
          : p,
      ),
    },
  });
  const older = edit(
    { ...base, findings: german.filter((f) => f.id !== 'os.restart-pending') },
    OLDER,
    (i) => i,
  );
  const newer = edit(
    {
      ...base,
      findings: german.filter((f) => f.id !== 'security.no-screen-lock'),
      run: {
        ...base.run,
        probes: base.run.probes.map((p) =>
          p.id === 'os.updates'
            ? {
                ...p,
                status: 'error' as const,
                data: null,
                error: { code: 'command-failed' as const, message: 'Get-HotFix failed.' },
              }
            : p,
        ),
      },
    },
    NEWER,
    // The wired adapter was replaced (new name, new MAC); the VPN's MTU was lowered.
    (i) =>
      i.name === 'Ethernet'
        ? { ...i, name: 'Ethernet 2', mac: '38:7c:76:aa:bb:dd' }
        : i.name === 'Contoso VPN'
          ? { ...i, mtu: 1380 }
          : i,
  );
  return { older, newer };
}

async function write(dir: string, name: string, report: Report): Promise<string> {
  const path = join(dir, name);
  await writeZipAtomic(path, bundleFiles(prepareBundle(report, [], { level: 'standard' })));
  return path;
}

/** Words a German reader must never see: every English catalog string that German says differently. */
function englishPatterns(): RegExp[] {
  const strings = new Set<string>();
  for (const key of Object.keys(en) as (keyof typeof en)[]) if (en[key] !== de[key]) strings.add(en[key]);
  for (const [id, text] of Object.entries(MESSAGES.en)) {
    const german = MESSAGES.de[id];
    if (german && text.title !== german.title) strings.add(text.title);
    if (german && text.explanation !== german.explanation) strings.add(text.explanation);
    for (const step of text.itSteps) if (!german?.itSteps.includes(step)) strings.add(step);
  }
  // Check names: English names and descriptor titles must not stand in for German names.
  // (A name German also uses, such as "VPN" or "Firewall", is not English-only.)
  const german = new Set([...Object.values(de), ...Object.values(CHECK_NAMES.de)]);
  for (const name of [...ALL_PROBES.map((p) => p.descriptor.title), ...Object.values(CHECK_NAMES.en)])
    if (!german.has(name)) strings.add(name);
  const escape = (s: string): string => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return [...strings]
    .filter((s) => !/\{\w+, (plural|select)/.test(s)) // a plural reads differently per count
    .map(
      (s) =>
        new RegExp(
          `^${s
            .split(/\{\w+\}/)
            .map(escape)
            .join('.+')}$`,
        ),
    );
}

/** Every visible text node and accessible name on the page, trimmed; <pre> data is the machine's own. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!text || !parent || parent.closest('pre')) continue;
      if (parent.checkVisibility()) texts.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label]'))
      texts.push(el.getAttribute('aria-label') ?? '');
    return texts;
  });
}

describe('the technician view', () => {
  let browser: Browser;
  let olderPath = '';
  let newerPath = '';
  let reports: { older: Report; newer: Report };
  beforeAll(async () => {
    browser = await launchChromium();
    const dir = mkdtempSync(join(tmpdir(), 'triage-technician-'));
    reports = await captures();
    olderPath = await write(dir, 'older.zip', reports.older);
    newerPath = await write(dir, 'newer.zip', reports.newer);
  });
  afterAll(async () => (browser as Browser | undefined)?.close());

  /** The app in a language and theme, with the newer bundle open (opened first, on purpose). */
  async function openNewer(locale: 'en' | 'de', colorScheme: 'light' | 'dark'): Promise<AppUnderTest> {
    // No checks run in these tests, so the collector's namespace is never entered.
    const app = await startApp(browser, {
      namespace: 'unused',
      locale: locale === 'de' ? 'de-DE' : 'en-US',
      colorScheme,
    });
    const { page } = app;
    const words = locale === 'de' ? de : en;
    await page.getByRole('button', { name: words['app.forIt'] }).click();
    app.chooser.push(newerPath);
    await page.getByRole('button', { name: words['tech.choose'] }).click();
    await page.getByText(words['tech.intact']).waitFor();
    return app;
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `technician-${name}.png`), fullPage: true });
    expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  }

  it('puts who and what at the top: the problem, their words, the capture time, the checks that failed', async () => {
    const app = await openNewer('en', 'light');
    try {
      const summary = app.page.getByRole('region', { name: 'Who and what' });
      const text = await summary.innerText();
      expect(text).toContain(en['category.cant-connect']);
      expect(text).toContain('Teams keeps disconnecting since this morning.');
      // The capture time in the reader's zone, the zone named.
      expect(text).toMatch(/Nov 24, 2026.*(UTC|GMT)/);
      expect(text).toContain('2 checks gave no data or only part of it:');
      expect(text).toContain('Updates: Could not check — Get-HotFix failed.');
      expect(text).toContain('Disks: Partly done');
    } finally {
      await app.close();
    }
  });

  it("shows the user's name and contact at the top", async () => {
    const app = await openNewer('en', 'light');
    try {
      const text = await app.page.getByRole('region', { name: 'Who and what' }).innerText();
      expect(text).toContain('Jo Smith');
      expect(text).toContain('jo.smith@example.com');
    } finally {
      await app.close();
    }
  });

  it("reads a German user's findings in the technician's language, and switches with it", async () => {
    const app = await openNewer('en', 'light');
    const { page } = app;
    try {
      const [first] = reports.newer.findings;
      if (!first) throw new Error('no findings');
      const title = page.locator('article.finding h3').first();
      await expect(title.innerText()).resolves.toBe(renderFinding(first, 'en').title);
      await page.getByLabel(en['app.language']).selectOption('de');
      await page.getByRole('tab', { name: de['tech.tab.findings'] }).waitFor();
      await expect(title.innerText()).resolves.toBe(renderFinding(first, 'de').title);
    } finally {
      await app.close();
    }
  });

  it('compares in capture order whichever bundle is open, findings first, only what changed', async () => {
    const app = await openNewer('en', 'light');
    const { page } = app;
    try {
      await page.getByRole('tab', { name: 'Compare' }).click();
      app.chooser.push(olderPath);
      await page.getByRole('button', { name: en['tech.compareChoose'] }).click();
      await page.getByRole('heading', { name: en['tech.appeared'] }).waitFor();
      const diff = await page.locator('.diff').innerText();
      expect(diff).toMatch(/^Before: PC-0042, captured Nov 20, 2026/m);
      expect(diff).toMatch(/^After: PC-0042, captured Nov 24, 2026.*\(the open bundle\)/m);
      const titleOf = (id: string): string => MESSAGES.en[id]?.title ?? id;
      const [restart, screenLock] = [titleOf('os.restart-pending'), titleOf('security.no-screen-lock')];
      // Headings in order: new findings, then cleared, then the rest.
      expect(diff.indexOf(restart)).toBeLessThan(diff.indexOf(en['tech.cleared']));
      expect(diff.indexOf(screenLock)).toBeGreaterThan(diff.indexOf(en['tech.cleared']));
      expect(diff.indexOf(en['tech.changedFacts'])).toBeGreaterThan(diff.indexOf(screenLock));
      // A replaced adapter is one removed and one added; an MTU is a number.
      const rows = await page.locator('.diff tbody tr').allInnerTexts();
      expect(rows.filter((r) => r.includes('network.interfaces'))).toEqual([
        expect.stringMatching(/interfaces\[Contoso VPN\]\.mtu\s+1420\s+1380/),
        expect.stringMatching(/interfaces\[Ethernet 2\]\s+added/),
        expect.stringMatching(/interfaces\[Ethernet\]\s+removed/),
      ]);
      expect(diff).not.toMatch(/\(none\)\s+\(none\)/);
      expect(diff).not.toMatch(/KB/);
    } finally {
      await app.close();
    }
  });

  it.each([
    ['en', 'light'],
    ['en', 'dark'],
    ['de', 'light'],
    ['de', 'dark'],
  ] as const)(
    'reads in %s, %s theme: every tab passes axe-core, and German has no English word',
    async (locale, scheme) => {
      const app = await openNewer(locale, scheme);
      const { page } = app;
      const words = locale === 'de' ? de : en;
      const english = englishPatterns();
      // The net catches what it should: a catalog string, one with a value in it, a finding, a check.
      for (const sample of [
        en['tech.intact'],
        'No check matches "dns".',
        MESSAGES.en['os.restart-pending']?.title ?? '',
        'Network adapters',
      ])
        expect(
          english.some((re) => re.test(sample)),
          sample,
        ).toBe(true);
      const seen: string[] = [];
      const look = async (): Promise<void> => {
        if (locale === 'de') seen.push(...(await visibleTexts(page)));
      };
      try {
        await shoot(page, `${locale}-${scheme}-findings`);
        await look();
        for (const tab of ['system', 'checks'] as const) {
          await page.getByRole('tab', { name: words[`tech.tab.${tab}`] }).click();
          await shoot(page, `${locale}-${scheme}-${tab}`);
          await look();
        }
        await page.getByRole('tab', { name: words['tech.tab.compare'] }).click();
        app.chooser.push(olderPath);
        await page.getByRole('button', { name: words['tech.compareChoose'] }).click();
        await page.getByRole('heading', { name: words['tech.appeared'] }).waitFor();
        await shoot(page, `${locale}-${scheme}-compare`);
        await look();
        const leftovers = [...new Set(seen)].filter((text) => english.some((re) => re.test(text)));
        expect(leftovers).toEqual([]);
      } finally {
        await app.close();
      }
    },
  );
});
