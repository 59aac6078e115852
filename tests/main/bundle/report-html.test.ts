/**
 * report.html is the one file of a bundle a person may open outside Triage, in a browser. Its hash
 * sits in the manifest, which whoever edits the file can rewrite too; so `verify` (and the
 * technician view, which shows the verification) compares it with a fresh rendering of the bundle's
 * own data and refuses a replaced page.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../main/bundle/contents';
import { prepareBundle } from '../../../main/bundle/prepare';
import { parseBundle } from '../../../main/bundle/read';
import { verifyBundle } from '../../../main/bundle/verify';
import { zip } from '../../support/hostile-bundles';
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
