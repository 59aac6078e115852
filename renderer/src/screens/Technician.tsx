import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type {
  AppLocale,
  BundleView,
  ProbeStatus,
  RenderedFinding,
  ReportDiff,
} from '../../../main/ipc/contract';
import { renderFinding } from '../../../probes/findings/evaluate';
import { checkName } from '../../../probes/names';
import { pathOfDroppedFile, triage } from '../bridge';
import { FindingCard } from '../components/FindingCard';
import { useFocusHeading } from '../components/useFocusHeading';
import { useI18n, type MessageKey, type Translate } from '../i18n';
import '../technician.css';

const TABS = ['findings', 'system', 'checks', 'compare'] as const;
type Tab = (typeof TABS)[number];
type DiffFinding = ReportDiff['appeared'][number];

/**
 * A finding in the reader's words. Bundles store findings in the user's language; the technician
 * reads them in theirs, re-rendered from id and params. An id this version does not know (a newer
 * Triage wrote the bundle) keeps the words the bundle stored.
 */
function inLocale<F extends RenderedFinding | DiffFinding>(finding: F, locale: AppLocale): F {
  try {
    const { title, explanation, userSteps, itSteps } = renderFinding(
      { area: 'general', evidence: [], ...finding },
      locale,
    );
    return { ...finding, title, explanation, userSteps, itSteps };
  } catch {
    return finding;
  }
}

/** A capture time in the reader's locale and time zone, the zone named: technicians work across zones. */
export function formatCaptureTime(iso: string, locale: AppLocale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** The System tab's labels come from main in English; the catalogs give each its words. */
function factLabel(label: string, t: Translate): string {
  const key = `tech.fact.${label}`;
  return key in TECH_FACT_KEYS ? t(key as MessageKey) : label;
}
const TECH_FACT_KEYS: Readonly<Record<string, true>> = Object.fromEntries(
  [
    'Computer',
    'User',
    'System',
    'Processor',
    'Support',
    'Up since',
    'Restart pending',
    'Updates',
    'Memory',
    'System disk',
    'Battery',
    'Network',
    'Gateway',
    'DNS servers',
    'Clock offset',
    'Internet',
    'Antivirus',
    'Encryption',
  ].map((label) => [`tech.fact.${label}`, true]),
);

/** Units Intl can write in every language; others follow the number as they are. */
const INTL_UNITS: Readonly<Record<string, string>> = {
  ms: 'millisecond',
  s: 'second',
  seconds: 'second',
  minutes: 'minute',
  hours: 'hour',
  days: 'day',
  percent: 'percent',
  MHz: 'megahertz',
  Hz: 'hertz',
  'Mbit/s': 'megabit-per-second',
};

/** A changed value as the CLI shows it (same unit rule, from the diff), in the reader's locale. */
function shownValue(value: unknown, unit: string | null, locale: AppLocale, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('tech.noValue');
  if (typeof value !== 'number') return typeof value === 'string' ? value : JSON.stringify(value);
  if (unit === 'bytes') {
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let n = value;
    let i = 0;
    for (; n >= 1024 && i < units.length - 1; i += 1) n /= 1024;
    const digits = n >= 100 || i === 0 ? 0 : 1;
    const number = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(n);
    return `${number} ${units[i] ?? ''}`;
  }
  const intlUnit = unit ? INTL_UNITS[unit] : undefined;
  if (intlUnit) return new Intl.NumberFormat(locale, { style: 'unit', unit: intlUnit }).format(value);
  const number = new Intl.NumberFormat(locale, { useGrouping: false }).format(value);
  return unit ? `${number} ${unit}` : number;
}

const statusText = (status: string, t: Translate): string =>
  status === 'absent' ? t('tech.status.absent') : t(`status.${status as ProbeStatus}`);

/** Accessible tabs: arrow keys move between them, each controls its panel. */
function Tabs({ tab, onChange }: { tab: Tab; onChange: (tab: Tab) => void }) {
  const { t } = useI18n();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (event: KeyboardEvent): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] ?? 'findings';
    onChange(next);
    refs.current[TABS.indexOf(next)]?.focus();
  };
  return (
    <div role="tablist" aria-label={t('tech.tabs')} className="tabs" onKeyDown={onKey}>
      {TABS.map((name, i) => (
        <button
          key={name}
          ref={(el) => {
            refs.current[i] = el;
          }}
          role="tab"
          id={`tab-${name}`}
          aria-selected={tab === name}
          aria-controls={`panel-${name}`}
          tabIndex={tab === name ? 0 : -1}
          type="button"
          onClick={() => onChange(name)}
        >
          {t(`tech.tab.${name}` as MessageKey)}
        </button>
      ))}
    </div>
  );
}

/**
 * Who and what, first: the person and how to reach them, the problem they chose and their words, when
 * the checks ran, and the checks that gave no or partial data (a gap the technician must know of
 * before reading "no problem found").
 */
function Summary({ bundle }: { bundle: BundleView }) {
  const { t, locale } = useI18n();
  const contact = bundle.problem?.contact ?? null;
  const reach = contact ? [contact.email, contact.phone].filter(Boolean).join(' · ') : '';
  const gaps = bundle.probes.filter(
    (p) => p.status === 'error' || p.status === 'timeout' || p.status === 'partial',
  );
  return (
    <section aria-label={t('tech.summary')} className="tech-summary">
      <dl className="who">
        {contact?.name && (
          <div>
            <dt>{t('tech.user')}</dt>
            <dd>{contact.name}</dd>
          </div>
        )}
        {reach && (
          <div>
            <dt>{t('tech.contact')}</dt>
            <dd>{reach}</dd>
          </div>
        )}
        {bundle.problem && (
          <div>
            <dt>{t('tech.category')}</dt>
            <dd>{t(`category.${bundle.problem.category}` as MessageKey)}</dd>
          </div>
        )}
        <div>
          <dt>{t('tech.captured')}</dt>
          <dd>
            <time dateTime={bundle.createdAt}>{formatCaptureTime(bundle.createdAt, locale)}</time>
          </dd>
        </div>
      </dl>
      {bundle.problem ? (
        <blockquote>
          <strong>{t('tech.problem')}:</strong> {bundle.problem.description}
        </blockquote>
      ) : (
        <p className="muted">{t('tech.noProblem')}</p>
      )}
      {gaps.length > 0 && (
        <div className="notice gaps">
          <p>{t('tech.failedChecks', { count: gaps.length })}</p>
          <ul>
            {gaps.map((p) => (
              <li key={p.id}>
                <strong>{checkName(p.id, locale)}</strong>: {statusText(p.status, t)}
                {p.error && <span className="muted"> — {p.error}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Checks({ bundle }: { bundle: BundleView }) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return bundle.probes;
    return bundle.probes.filter((p) =>
      `${p.id} ${checkName(p.id, locale)} ${p.error ?? ''} ${JSON.stringify(p.data)}`
        .toLowerCase()
        .includes(q),
    );
  }, [bundle, query, locale]);
  return (
    <>
      <label htmlFor="search">{t('tech.search')}</label>
      <input id="search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      {matches.length === 0 && <p>{t('tech.noMatch', { query })}</p>}
      <table className="checks-table">
        <thead>
          <tr>
            <th scope="col">{t('tech.check')}</th>
            <th scope="col">{t('tech.status')}</th>
            <th scope="col" className="num">
              {t('tech.duration')}
            </th>
          </tr>
        </thead>
        <tbody>
          {matches.map((p) => (
            <tr key={p.id}>
              <td>
                <strong>{checkName(p.id, locale)}</strong>{' '}
                {checkName(p.id, locale) !== p.id && <span className="muted">{p.id}</span>}
                {p.error && <div className="error-text">{p.error}</div>}
                {p.data !== null && (
                  <details>
                    <summary>{t('tech.data')}</summary>
                    <pre tabIndex={0} aria-label={`${checkName(p.id, locale)}: ${t('tech.data')}`}>
                      {JSON.stringify(p.data, null, 2)}
                    </pre>
                  </details>
                )}
              </td>
              <td className={`status ${p.status}`}>{statusText(p.status, t)}</td>
              <td className="num">{shownValue(p.durationMs, 'ms', locale, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * What changed, the earlier capture as "before" whichever bundle is open: findings that appeared or
 * cleared lead, then checks and facts that changed. Only changes are listed, in the CLI's units.
 */
function Compare({ bundle }: { bundle: BundleView }) {
  const { t, locale } = useI18n();
  const [diff, setDiff] = useState<ReportDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choose = async (): Promise<void> => {
    const other = await triage()['bundle:choose']();
    if (!other) return;
    const result = await triage()['bundle:diff'](bundle.path, other);
    if (result.ok) {
      setDiff(result.value);
      setError(null);
    } else setError(result.error);
  };
  const findings = (title: MessageKey, items: readonly DiffFinding[], sign: string) => (
    <>
      <h3>{t(title)}</h3>
      {items.length ? (
        <ul className="diff-findings">
          {items.map((f, i) => (
            <li key={i}>
              <span aria-hidden="true">{sign} </span>
              <span className={`severity ${f.severity}`}>{t(`severity.${f.severity}`)}</span>{' '}
              {inLocale(f, locale).title}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('tech.noChanges')}</p>
      )}
    </>
  );
  // The open bundle is the first argument: when main put the chosen one first, it is the earlier.
  const openIs = diff?.swapped ? 'after' : 'before';
  const side = (which: 'before' | 'after') =>
    diff && (
      <li>
        {t(which === 'before' ? 'tech.compareBefore' : 'tech.compareAfter', {
          host: diff[which].hostname,
          date: formatCaptureTime(diff[which].createdAt, locale),
        })}{' '}
        {openIs === which && <span className="muted">{t('tech.thisBundle')}</span>}
      </li>
    );
  return (
    <>
      <p>{t('tech.compareIntro')}</p>
      <button type="button" className="secondary" onClick={() => void choose()}>
        {t('tech.compareChoose')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {diff && (
        <div className="diff">
          <ul className="diff-sides">
            {side('before')}
            {side('after')}
          </ul>
          <p className="muted">{t('tech.compareOrder')}</p>
          {!diff.sameMachine && <p className="notice">{t('tech.differentMachine')}</p>}
          {findings('tech.appeared', diff.appeared, '+')}
          {findings('tech.cleared', diff.cleared, '−')}
          {diff.severityChanged.length > 0 && (
            <>
              <h3>{t('tech.severityChanged')}</h3>
              <ul>
                {diff.severityChanged.map((f, i) => (
                  <li key={i}>
                    {inLocale(f, locale).title}: {t(`severity.${f.was}`)} → {t(`severity.${f.severity}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {diff.statusChanged.length > 0 && (
            <>
              <h3>{t('tech.statusChanged')}</h3>
              <ul>
                {diff.statusChanged.map((s) => (
                  <li key={s.probe}>
                    {checkName(s.probe, locale)}: {statusText(s.before, t)} → {statusText(s.after, t)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {diff.facts.length > 0 && (
            <>
              <h3>{t('tech.changedFacts')}</h3>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('tech.fact')}</th>
                    <th scope="col">{t('tech.before')}</th>
                    <th scope="col">{t('tech.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.facts.map((f) => (
                    <tr key={`${f.probe} ${f.path}`}>
                      <th scope="row">
                        {f.probe} <span className="muted">{f.path}</span>
                      </th>
                      {f.item ? (
                        <td colSpan={2}>{t(f.item === 'added' ? 'tech.itemAdded' : 'tech.itemRemoved')}</td>
                      ) : (
                        <>
                          <td>{shownValue(f.before, f.unit, locale, t)}</td>
                          <td>{shownValue(f.after, f.unit, locale, t)}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}
    </>
  );
}

/** The technician's view: open a bundle (dialog, drop, or link), read findings, facts, raw data, and compare. */
export function Technician({
  initialPath,
  policyWarnings,
}: {
  initialPath: string | null;
  policyWarnings: readonly string[];
}) {
  const { t, locale } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const [bundle, setBundle] = useState<BundleView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState<Tab>('findings');
  const [dragging, setDragging] = useState(false);

  const open = async (path: string): Promise<void> => {
    setBusy(true);
    const result = await triage()['bundle:open'](path);
    setBusy(false);
    if (result.ok) {
      setBundle(result.value);
      setError(null);
      setTab('findings');
    } else {
      setBundle(null);
      setError(result.error);
    }
  };
  useEffect(() => {
    if (initialPath) void open(initialPath);
  }, [initialPath]);

  const choose = async (): Promise<void> => {
    const path = await triage()['bundle:choose']();
    if (path) await open(path);
  };
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    const path = file ? pathOfDroppedFile(file) : null;
    if (path) void open(path);
  };

  return (
    <section aria-labelledby="tech-title">
      <h1 id="tech-title" ref={heading} tabIndex={-1}>
        {bundle ? bundle.host.hostname : t('tech.title')}
      </h1>
      {!bundle && (
        <div
          className={dragging ? 'dropzone dragging' : 'dropzone'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>{t('tech.intro')}</p>
          <button type="button" className="primary" onClick={() => void choose()} disabled={busy}>
            {busy ? t('tech.opening') : t('tech.choose')}
          </button>
          <p className="hint">{t('tech.drop')}</p>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!bundle && policyWarnings.length > 0 && (
        <div className="notice">
          <p>{t('tech.policyWarnings')}</p>
          <ul>
            {policyWarnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {bundle && (
        <>
          <Summary bundle={bundle} />
          <p className="lead">
            {t('tech.about', {
              os: `${bundle.host.osName} ${bundle.host.osVersion}`,
              version: bundle.triageVersion,
              redaction: t(`tech.redaction.${bundle.redaction}` as MessageKey),
            })}
          </p>
          {bundle.verification.problems.length === 0 ? (
            <p className="ok-text">{t('tech.intact')}</p>
          ) : (
            <div role="alert" className="error">
              <p>{t('tech.problems')}</p>
              <ul>
                {bundle.verification.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <Tabs tab={tab} onChange={setTab} />
          <div
            role="tabpanel"
            id={`panel-${tab}`}
            aria-labelledby={`tab-${tab}`}
            tabIndex={0}
            className="panel"
          >
            {tab === 'findings' && bundle.findings.length === 0 && <p>{t('tech.noFindings')}</p>}
            {tab === 'findings' &&
              bundle.findings.map((f, i) => (
                <FindingCard key={`${f.id}-${i}`} finding={inLocale(f, locale)} technician />
              ))}
            {tab === 'system' && (
              <dl className="facts">
                {bundle.facts.map((f) => (
                  <div key={f.label}>
                    <dt>{factLabel(f.label, t)}</dt>
                    <dd>{f.value}</dd>
                  </div>
                ))}
              </dl>
            )}
            {tab === 'checks' && <Checks bundle={bundle} />}
            {tab === 'compare' && <Compare bundle={bundle} />}
          </div>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setBundle(null)}>
              {t('tech.close')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
