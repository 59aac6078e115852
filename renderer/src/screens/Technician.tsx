import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { BundleView, ReportDiff } from '../../../main/ipc/contract';
import { pathOfDroppedFile, triage } from '../bridge';
import { FindingCard } from '../components/FindingCard';
import { useFocusHeading } from '../components/useFocusHeading';
import { useI18n, type MessageKey } from '../i18n';

const TABS = ['findings', 'system', 'checks', 'compare'] as const;
type Tab = (typeof TABS)[number];

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

function Checks({ bundle }: { bundle: BundleView }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return bundle.probes;
    return bundle.probes.filter((p) =>
      `${p.id} ${p.title} ${p.error ?? ''} ${JSON.stringify(p.data)}`.toLowerCase().includes(q),
    );
  }, [bundle, query]);
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
                <strong>{p.title}</strong> <span className="muted">{p.id}</span>
                {p.error && <div className="error-text">{p.error}</div>}
                {p.data !== null && (
                  <details>
                    <summary>{t('tech.data')}</summary>
                    <pre tabIndex={0} aria-label={`${p.title}: ${t('tech.data')}`}>
                      {JSON.stringify(p.data, null, 2)}
                    </pre>
                  </details>
                )}
              </td>
              <td className={`status ${p.status}`}>{t(`status.${p.status}` as MessageKey)}</td>
              <td className="num">{p.durationMs} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A changed fact as a person reads it; the diff gives flattened scalars, or nothing. */
function shownValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function Compare({ bundle }: { bundle: BundleView }) {
  const { t } = useI18n();
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
  const list = (items: readonly { title: string; severity: string }[]) =>
    items.length ? (
      <ul>
        {items.map((f, i) => (
          <li key={i}>
            <span className={`severity ${f.severity}`}>{t(`severity.${f.severity}` as MessageKey)}</span>{' '}
            {f.title}
          </li>
        ))}
      </ul>
    ) : (
      <p className="muted">{t('tech.noChanges')}</p>
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
          {!diff.sameMachine && <p className="notice">{t('tech.differentMachine')}</p>}
          <h3>{t('tech.appeared')}</h3>
          {list(diff.appeared)}
          <h3>{t('tech.cleared')}</h3>
          {list(diff.cleared)}
          <h3>{t('tech.changedFacts')}</h3>
          {diff.facts.length ? (
            <table>
              <tbody>
                {diff.facts.map((f) => (
                  <tr key={`${f.probe} ${f.path}`}>
                    <th scope="row">
                      {f.probe} <span className="muted">{f.path}</span>
                    </th>
                    <td>{shownValue(f.before)}</td>
                    <td aria-hidden="true">→</td>
                    <td>{shownValue(f.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('tech.noChanges')}</p>
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
  const { t } = useI18n();
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
          <p className="lead">
            {t('tech.meta', {
              host: bundle.host.hostname,
              os: `${bundle.host.osName} ${bundle.host.osVersion}`,
              date: bundle.createdAt.replace('T', ' ').slice(0, 16),
              version: bundle.triageVersion,
              redaction: bundle.redaction,
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
          {bundle.problem && (
            <blockquote>
              <strong>{t('tech.problem')}:</strong> {bundle.problem.description}
            </blockquote>
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
              bundle.findings.map((f, i) => <FindingCard key={`${f.id}-${i}`} finding={f} technician />)}
            {tab === 'system' && (
              <dl className="facts">
                {bundle.facts.map((f) => (
                  <div key={f.label}>
                    <dt>{f.label}</dt>
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
