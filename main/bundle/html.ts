/**
 * report.html: the bundle for a person, readable in any browser with no network and no other file,
 * and printable (a print sheet unfolds the evidence and leaves out cards with nothing to say). Who
 * asked and what for first, then the problems found (most important first; what was checked and is
 * fine as one folded list), then the machine at a glance, then every check with its data and timings.
 *
 * Everything in a bundle came from a user's machine, so every value is HTML-escaped, and a strict
 * Content-Security-Policy forbids scripts and loading anything even if escaping were ever missed.
 */
import { findProbe } from '../../probes/index';
import type { RenderedFinding, Severity } from '../../probes/findings/types';
import type { ProbeEnvelope } from '../../probes/types';
import { PROBLEM_CATEGORY_NAMES, type Report } from '../report';
import type { RedactionSummary } from './redact';
import { keyFacts } from './facts';
import { englishCount } from '../../probes/util/message-format';

export function escapeHtml(value: unknown): string {
  return String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Information',
  ok: 'OK',
};
const PLATFORM_LABEL = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' } as const;

const STYLE = `
:root { color-scheme: light dark; --bg:#f6f7f9; --card:#fff; --text:#1d2330; --muted:#5b6475; --line:#dde1e8; --critical:#b42318; --warning:#a15c07; --info:#175cd3; --ok:#067647; --code:#f1f3f6; --link:#175cd3; }
@media (prefers-color-scheme: dark) { :root { --bg:#14171c; --card:#1d2128; --text:#e8ebf0; --muted:#a2aab8; --line:#313745; --critical:#ff8a80; --warning:#f7b955; --info:#84adff; --ok:#6ce9a6; --code:#262b34; --link:#9dbdff; } }
* { box-sizing: border-box; }
/* The browser's default link blue is unreadable on the dark background (contrast 1.7:1). */
a, a:visited { color: var(--link); }
body { margin:0; background:var(--bg); color:var(--text); font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 32px 20px 64px; }
header h1 { font-size: 26px; margin: 0 0 4px; }
header p { margin: 0; color: var(--muted); }
h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; margin: 10px 0; break-inside: avoid; }
.finding { border-left: 5px solid var(--line); }
.finding.critical { border-left-color: var(--critical); } .finding.warning { border-left-color: var(--warning); }
.finding.info { border-left-color: var(--info); } .finding.ok { border-left-color: var(--ok); }
.finding h3 { margin: 0 0 4px; font-size: 16px; }
.badge { display:inline-block; font-size:12px; font-weight:600; padding:1px 8px; border-radius:999px; border:1px solid currentColor; margin-right:8px; vertical-align: 1px; }
.badge.critical, .status.error, .status.timeout { color: var(--critical); } .badge.warning, .status.partial { color: var(--warning); }
.badge.info, .status.unsupported { color: var(--info); } .badge.ok, .status.ok { color: var(--ok); }
.steps { margin: 6px 0 0; padding-left: 20px; } .who { font-weight: 600; margin-top: 8px; }
dl.facts { display:grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin:0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
pre { background: var(--code); padding: 10px 12px; border-radius: 8px; overflow-x: auto; font: 12.5px/1.45 ui-monospace,SFMono-Regular,Consolas,monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
details summary { cursor: pointer; color: var(--muted); margin-top: 6px; }
.quote { white-space: pre-wrap; margin: 6px 0; }
.muted { color: var(--muted); }
.who-what { margin-top: 16px; } .who-what .quote { display: block; margin: 0; }
.fine ul { margin: 6px 0 0; padding-left: 20px; columns: 2; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
/* On paper: light colours whatever the screen's theme, evidence and lists unfolded (a closed
   <details> prints as its summary alone), no cards that would print as a title only (a check that
   gave its data: the table of every check lists it), and no card split across two pages. */
@media print {
  :root { --bg:#fff; --card:#fff; --text:#000; --muted:#444; --line:#bbb; --critical:#b42318; --warning:#8a4b00; --info:#175cd3; --ok:#067647; --code:#f4f4f4; --link:#000; }
  body { font-size: 10.5pt; } main { max-width: none; padding: 0; }
  h2 { margin-top: 18px; break-after: avoid; } .card { padding: 8px 12px; margin: 6px 0; }
  .card, tr { break-inside: avoid; } .card.long { break-inside: auto; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { list-style: none; color: var(--text); font-weight: 600; }
  .probe.quiet, .probe details { display: none; }
}
`;

function findingCard(finding: RenderedFinding): string {
  const list = (items: readonly string[]): string =>
    `<ol class="steps">${items.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>`;
  const evidence = finding.evidence.length
    ? `<details><summary>Evidence</summary><table><tr><th>Check</th><th>Field</th><th>Value</th></tr>${finding.evidence
        .map(
          (e) =>
            `<tr><td>${escapeHtml(e.probe)}</td><td>${escapeHtml(e.field)}</td><td>${escapeHtml(typeof e.value === 'string' ? e.value : JSON.stringify(e.value))}</td></tr>`,
        )
        .join('')}</table></details>`
    : '';
  return `<section class="card finding ${finding.severity}">
<h3><span class="badge ${finding.severity}">${SEVERITY_LABEL[finding.severity]}</span>${escapeHtml(finding.title)}</h3>
<p>${escapeHtml(finding.explanation)}</p>
${finding.userSteps.length ? `<div class="who">What you can do</div>${list(finding.userSteps)}` : ''}
${finding.itSteps.length ? `<div class="who">For IT</div>${list(finding.itSteps)}` : ''}
${evidence}
</section>`;
}

function probeCard(envelope: ProbeEnvelope, excluded: boolean): string {
  const title = findProbe(envelope.id)?.descriptor.title ?? envelope.id;
  const problem = envelope.error ? `<p>${escapeHtml(envelope.error.message)}</p>` : '';
  const gaps = envelope.gaps.length
    ? `<ul>${envelope.gaps.map((g) => `<li><strong>${escapeHtml(g.part)}</strong>: ${escapeHtml(g.message)}</li>`).join('')}</ul>`
    : '';
  const data = excluded
    ? '<p class="muted">Left out by the user.</p>'
    : envelope.data
      ? `<details><summary>Data</summary><pre>${escapeHtml(JSON.stringify(envelope.data, null, 2))}</pre></details>`
      : '';
  const operations = envelope.operations.length
    ? `<details><summary>What it ran (${envelope.operations.length})</summary><table><tr><th>Kind</th><th>What</th><th>Exit</th><th>ms</th><th>Error</th></tr>${envelope.operations
        .map(
          (op) =>
            `<tr><td>${escapeHtml(op.kind)}</td><td>${escapeHtml([op.target, ...op.args].join(' '))}</td><td class="num">${op.exitCode ?? ''}</td><td class="num">${op.durationMs}</td><td>${escapeHtml(op.error ?? '')}</td></tr>`,
        )
        .join('')}</table></details>`
    : '';
  // A check with nothing to report beyond its data is "quiet": not printed (see the print sheet).
  const quiet = !envelope.error && envelope.gaps.length === 0 ? ' quiet' : '';
  return `<section class="card probe${quiet}" id="${escapeHtml(envelope.id)}">
<h3>${escapeHtml(title)} <span class="muted">${escapeHtml(envelope.id)}</span></h3>
<p><span class="status ${envelope.status}"><strong>${escapeHtml(envelope.status)}</strong></span> <span class="muted">in ${envelope.durationMs} ms</span></p>
${problem}${gaps}${data}${operations}
</section>`;
}

/**
 * Who asked and what for, first: the user's contact, the kind of problem, their words, when it was
 * captured, and the checks that failed or gave part of their data. The page has no scripts, so the
 * time cannot be shown in the reader's zone: it is UTC, and says so.
 */
function whoAndWhat(report: Report): string {
  const troubled = report.run.probes.filter((p) => p.status !== 'ok' && p.status !== 'unsupported');
  const captured = report.createdAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  const rows: [string, string][] = [];
  const problem = report.problem;
  if (problem) {
    const contact = problem.contact;
    const who = contact ? [contact.name, contact.email, contact.phone].filter(Boolean).join(' · ') : '';
    rows.push(['From', escapeHtml(who || 'no contact given')]);
    rows.push(['Kind of problem', escapeHtml(PROBLEM_CATEGORY_NAMES[problem.category])]);
    rows.push(['In their words', `<span class="quote">${escapeHtml(problem.description)}</span>`]);
  }
  rows.push(['Captured', escapeHtml(captured)]);
  if (troubled.length)
    rows.push([
      'Checks with problems',
      troubled
        .map(
          (p) =>
            `<a href="#${escapeHtml(p.id)}">${escapeHtml(p.id)}</a> <span class="status ${p.status}">${escapeHtml(p.status)}</span>`,
        )
        .join(', '),
    ]);
  const none = problem
    ? ''
    : '<p class="muted">This check was started without a description (command line or script).</p>';
  const list = rows.map(([label, value]) => `<dt>${label}</dt><dd>${value}</dd>`).join('');
  return `<section class="card who-what" aria-label="Who asked and what for"><dl class="facts">${list}</dl>${none}</section>`;
}

export function renderReportHtml(
  report: Report,
  redaction: RedactionSummary,
  excluded: readonly string[],
): string {
  const problems = report.findings.filter((f) => f.severity !== 'ok');
  const good = report.findings.filter((f) => f.severity === 'ok');
  const facts = keyFacts(report);
  const host = report.host;
  const slowest = [...report.run.probes].sort((a, b) => b.durationMs - a.durationMs);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Triage report — ${escapeHtml(host.hostname)} — ${escapeHtml(report.createdAt)}</title>
<style>${STYLE}</style>
</head>
<body><main>
<header>
<h1>Triage report for ${escapeHtml(host.hostname)}</h1>
<p>${escapeHtml(PLATFORM_LABEL[host.platform])} · ${escapeHtml(host.osName)} ${escapeHtml(host.osVersion)} · checked in ${(report.run.durationMs / 1000).toFixed(1)} s · Triage ${escapeHtml(report.triageVersion)}</p>
</header>
${whoAndWhat(report)}

<h2>Findings (${problems.length})</h2>
${problems.length ? problems.map(findingCard).join('\n') : '<p>No problems found.</p>'}
${
  // Things checked and fine matter as a count and a list, not as cards that push problems down.
  good.length
    ? `<details class="card fine"><summary>Checked and fine (${good.length})</summary><ul>${good.map((f) => `<li>${escapeHtml(f.title)}</li>`).join('')}</ul></details>`
    : ''
}

<h2>This computer at a glance</h2>
<section class="card"><dl class="facts">${facts.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl></section>

<h2>Every check (${report.run.probes.length})</h2>
<section class="card long"><table><tr><th>Check</th><th>Status</th><th class="num">ms</th></tr>${slowest
    .map(
      (p) =>
        `<tr><td><a href="#${escapeHtml(p.id)}">${escapeHtml(p.id)}</a></td><td class="status ${p.status}">${escapeHtml(p.status)}</td><td class="num">${p.durationMs}</td></tr>`,
    )
    .join('')}</table></section>
${report.run.probes.map((p) => probeCard(p, excluded.includes(`probe:${p.id}`))).join('\n')}

<footer>Redaction: ${escapeHtml(redaction.level)}${
    Object.keys(redaction.replaced).length
      ? ` — replaced ${Object.entries(redaction.replaced)
          .map(([k, n]) => `${n} ${escapeHtml(k)}`)
          .join(', ')}`
      : ''
  }${redaction.secrets ? `; ${englishCount(redaction.secrets, 'secret')} removed` : ''}. Values like [user-1] are placeholders: the same placeholder always stands for the same value in this report.${
    excluded.length ? ` Left out by the user: ${excluded.map(escapeHtml).join(', ')}.` : ''
  }</footer>
</main></body>
</html>
`;
}
