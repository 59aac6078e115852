/**
 * Checks a bundle's integrity: every file the manifest lists is there with the right SHA-256 and
 * size, nothing unlisted was added, each probe file matches its probe's documented fields.
 * Reading (read.ts) already refused anything unsafe or malformed.
 *
 * Hashes that sit in the file they vouch for prove only that nothing changed by accident: whoever
 * edits a file can recompute its hash. report.html is the one file a person opens outside Triage
 * (in a browser), so it is also compared with a fresh rendering of the bundle's data: Triage's own
 * report.html is deterministic, and a phishing page or a script put in its place is caught.
 */
import { findProbe } from '../../probes/index';
import { TRIAGE_VERSION } from '../version';
import { sha256 } from './contents';
import { checkProbeData } from './probe-data';
import { renderReportHtml } from './html';
import { BundleError, reportFromBundle, type BundleContents } from './read';

export interface Verification {
  /** What is wrong; empty when the bundle is intact. */
  readonly problems: readonly string[];
  /** Worth knowing but not wrong (e.g. probes this Triage does not know: a newer version wrote them). */
  readonly notes: readonly string[];
}

export function verifyBundle(bundle: BundleContents): Verification {
  const problems: string[] = [];
  const notes: string[] = [];
  const listed = bundle.manifest.files;
  for (const [name, expected] of Object.entries(listed)) {
    const content = bundle.entries.get(name);
    if (!content) {
      problems.push(`${name} is listed in the manifest but missing from the bundle.`);
      continue;
    }
    if (content.length !== expected.bytes)
      problems.push(`${name} is ${content.length} bytes; the manifest says ${expected.bytes}.`);
    const actual = sha256(content);
    if (actual !== expected.sha256)
      problems.push(
        `${name} has been changed since the bundle was written (SHA-256 ${actual.slice(0, 12)}…, manifest says ${expected.sha256.slice(0, 12)}…).`,
      );
  }
  for (const name of bundle.entries.keys()) {
    if (name !== 'manifest.json' && !(name in listed))
      problems.push(`${name} is in the bundle but not in the manifest: it was added afterwards.`);
  }
  for (const probe of bundle.manifest.probes) {
    const file = bundle.probes.get(probe.id);
    if (probe.file !== null && !file)
      problems.push(`${probe.id}: the manifest points to ${probe.file}, which is missing.`);
    if (probe.file === null && file)
      problems.push(`${probe.id}: the manifest says it was left out, but its file is present.`);
    if (file && file.status !== probe.status)
      problems.push(`${probe.id}: status ${file.status} in its file, ${probe.status} in the manifest.`);
    const descriptor = findProbe(probe.id)?.descriptor;
    if (!descriptor) {
      notes.push(
        `${probe.id} is not a check this Triage knows (the bundle may come from a newer version); its data was not checked.`,
      );
      continue;
    }
    // The same rules the reader applies (probe-data.ts): fields a newer Triage added are allowed.
    if (file?.data) problems.push(...checkProbeData(probe.id, descriptor.fields, file.data).problems);
  }
  for (const name of bundle.probes.keys()) {
    if (!bundle.manifest.probes.some((p) => p.id === name))
      problems.push(`probes/${name}.json is not one of the manifest's probes.`);
  }
  checkReportHtml(bundle, problems, notes);
  return { problems, notes };
}

/** report.html must be what this bundle's data renders to (when this Triage version wrote it). */
function checkReportHtml(bundle: BundleContents, problems: string[], notes: string[]): void {
  const html = bundle.entries.get('report.html');
  if (!html) return;
  const { manifest } = bundle;
  if (manifest.triageVersion !== TRIAGE_VERSION) {
    notes.push(
      `report.html was written by Triage ${manifest.triageVersion} and could not be compared with the bundle's data by this Triage (${TRIAGE_VERSION}): read the bundle with Triage rather than opening report.html in a browser.`,
    );
    return;
  }
  let expected: string;
  try {
    expected = renderReportHtml(reportFromBundle(bundle), manifest.redaction, manifest.excluded);
  } catch (error) {
    // The data itself is wrong; the checks above (or reading the report) say what.
    if (error instanceof BundleError) return;
    throw error;
  }
  if (html.toString('utf8') !== expected)
    problems.push(
      "report.html is not what this bundle's data shows: it was replaced or edited after the bundle was written. Do not open it; read the bundle with Triage.",
    );
}
