/**
 * report.html is the one file of a bundle a person may open outside Triage, in a browser. Its hash
 * sits in the manifest, which whoever edits the file can rewrite too; so `verify` (and the
 * technician view, which shows the verification) compares it with a fresh rendering of the bundle's
 * own data and refuses a replaced page.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../main/bundle/contents';
import { prepareBundle } from '../../../main/bundle/prepare';
import { parseBundle } from '../../../main/bundle/read';
import { verifyBundle } from '../../../main/bundle/verify';
import { zip } from '../../support/hostile-bundles';
import { launchChromium, SCREENSHOTS } from '../../support/browser';
import { okFinding } from '../../support/reports';
import { sampleReport } from '../../support/sample-report';

/** The bundle's files with report.html replaced and the manifest's hash and size recomputed. */
async function withReportHtml(
  files: Map<string, Buffer>,
  html: string | null,
  manifestChange: (manifest: Record<string, unknown>) => void = () => undefined,
): Promise<Buffer> {
  const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as {
    files: Record<string, { sha256: string; bytes: number }>;
  } & Record<string, unknown>;
  if (html !== null) {
    const content = Buffer.from(html, 'utf8');
    manifest.files['report.html'] = {
      sha256: createHash('sha256').update(content).digest('hex'),
      bytes: content.length,
    };
    files.set('report.html', content);
  }
  manifestChange(manifest);
  files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  return zip([...files].map(([name, content]) => ({ name, content })));
}

describe('report.html in verify', () => {
  it.each(['win32', 'linux', 'darwin'] as const)(
    'accepts the page Triage wrote for the bundle (%s)',
    async (platform) => {
      const files = bundleFiles(prepareBundle(await sampleReport(platform), [], { level: 'standard' }));
      const bundle = await parseBundle(await withReportHtml(files, null));
      expect(verifyBundle(bundle).problems).toEqual([]);
    },
  );

  it('refuses a phishing page put in its place, hashes and all', async () => {
    const files = bundleFiles(prepareBundle(await sampleReport('win32'), [], { level: 'standard' }));
    const phishing =
      '<!doctype html><title>Triage report</title><p>Your session expired. <a href="https://evil.example/login">Sign in again</a></p><script>location="https://evil.example"</script>';
    const bundle = await parseBundle(await withReportHtml(files, phishing));
    expect(verifyBundle(bundle).problems).toEqual([
      expect.stringContaining("report.html is not what this bundle's data shows"),
    ]);
  });

  it('refuses a one-character edit of the real page', async () => {
    const files = bundleFiles(prepareBundle(await sampleReport('linux'), [], { level: 'standard' }));
    const html = files.get('report.html')?.toString('utf8') ?? '';
    const bundle = await parseBundle(await withReportHtml(files, html.replace('</body>', '<b>!</b></body>')));
    expect(verifyBundle(bundle).problems.join(' ')).toMatch(/report\.html is not what/);
  });

  it('says when another Triage version wrote it, so it could not be compared', async () => {
    const files = bundleFiles(prepareBundle(await sampleReport('linux'), [], { level: 'standard' }));
    const bundle = await parseBundle(
      await withReportHtml(files, null, (manifest) => (manifest.triageVersion = '0.0.9')),
    );
    const { problems, notes } = verifyBundle(bundle);
    expect(problems).toEqual([]);
    expect(notes.join(' ')).toMatch(/written by Triage 0\.0\.9 and could not be compared/);
  });
});

const AXE = readFileSync(join(__dirname, '..', '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** report.html as a realistic bundle holds it: real probes on fixtures, real rules, redacted. */
async function realisticPage(): Promise<string> {
  const base = await sampleReport('win32');
  const report = {
    ...base,
    // The rules' own "checked and fine" lines are replaced by two known ones.
    findings: [
      ...base.findings.filter((f) => f.severity !== 'ok'),
      okFinding('ok.dns', 'Names are found'),
      okFinding('ok.time', 'The clock is right'),
    ],
  };
  return (
    bundleFiles(prepareBundle(report, [], { level: 'standard' }))
      .get('report.html')
      ?.toString('utf8') ?? ''
  );
}

describe('report.html in a browser', () => {
  let browser: Browser;
  let html: string;
  beforeAll(async () => {
    [browser, html] = await Promise.all([launchChromium(), realisticPage()]);
  });
  afterAll(() => browser.close());

  /** The page as a person sees it. Its CSP forbids scripts: bypassed only to run axe-core. */
  async function open(colorScheme: 'light' | 'dark'): Promise<Page> {
    const context = await browser.newContext({
      bypassCSP: true,
      colorScheme,
      viewport: { width: 1024, height: 768 },
    });
    const page = await context.newPage();
    await page.setContent(html);
    return page;
  }

  it.each(['light', 'dark'] as const)('has no serious accessibility problem in %s mode', async (scheme) => {
    const page = await open(scheme);
    await page.screenshot({ path: join(SCREENSHOTS, `report-html-${scheme}.png`), fullPage: true });
    await page.addScriptTag({ content: AXE });
    // A string, evaluated in the page: these tests are compiled without the DOM's types.
    const violations = await page.evaluate(
      `axe.run(document).then((r) => r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, nodes: v.nodes.length })))`,
    );
    // Before dark-mode link colours: 25 serious color-contrast violations, all links of the check table.
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('says who asked and what for first, and folds what is fine into one list', async () => {
    const page = await open('light');
    const first = page.locator('main > section').first();
    await expect.poll(() => first.getAttribute('class')).toContain('who-what');
    const text = (await first.textContent()) ?? '';
    for (const part of [
      'Jo Smith',
      'jo.smith@example.com',
      '+44 20 7946 0000',
      "Can't connect",
      'Teams keeps disconnecting',
      '2026-11-24 10:00 UTC',
      'hardware.disks',
    ])
      expect(text).toContain(part);
    expect(await page.locator('.finding.ok').count()).toBe(0);
    expect(await page.locator('details.fine summary').textContent()).toBe('Checked and fine (2)');
    expect(await page.locator('details.fine li').allTextContents()).toEqual([
      'Names are found',
      'The clock is right',
    ]);
    await page.context().close();
  });

  it('prints evidence unfolded, on light paper, without empty cards, on few pages', async () => {
    const page = await open('dark');
    const evidence = page.locator('.finding details table').first();
    expect(await evidence.isVisible()).toBe(false); // folded on screen
    await page.emulateMedia({ media: 'print' });
    expect(await evidence.isVisible()).toBe(true);
    expect(await page.locator('details.fine li').first().isVisible()).toBe(true);
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(255, 255, 255)');
    // A check that gave all its data would print as a title alone: the table of every check lists it.
    expect(await page.locator('.probe.quiet').first().isVisible()).toBe(false);
    expect(await page.locator('.probe:not(.quiet)').first().isVisible()).toBe(true);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    // Measured on this report before the print sheet: 10 A4 pages, most of the last ones holding
    // a check's title and status each. Its content fills about 6; 7 leaves room for cards moved whole.
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(7);
    await page.context().close();
  });
});
