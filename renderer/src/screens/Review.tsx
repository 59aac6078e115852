import { Fragment, useState } from 'react';
import type { AppContext, ConsentView, RedactionLevel } from '../../../main/ipc/contract';
import { useFocusHeading } from '../components/useFocusHeading';
import { checkName } from '../../../probes/names';
import { useI18n, type MessageKey } from '../i18n';

const PLACEHOLDER = /(\[(?:user|host|email|ip|mac|serial|ssid|path|id)-\d+\]|\[secret\])/g;

/** "850 KB", "1.5 MB" — "1,5 MB" in German. */
function formatSize(bytes: number, locale: string): string {
  const number = (value: number, digits: number): string =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      value,
    );
  return bytes < 1024 * 1024
    ? `${number(Math.max(1, Math.round(bytes / 1024)), 0)} KB`
    : `${number(bytes / 1024 / 1024, 1)} MB`;
}

/** The sections that are not checks, by their words in the catalogs; checks go by their check name. */
const SECTION_KEYS: Readonly<Record<string, MessageKey>> = {
  problem: 'review.section.problem',
  system: 'review.section.system',
  findings: 'review.section.findings',
  log: 'review.section.log',
};

/** Shows content with each redacted value marked, so the user sees what was hidden. */
function Marked({ text, label }: { text: string; label: string }) {
  // Focusable, so keyboard users can scroll long content.
  return (
    <pre tabIndex={0} aria-label={label}>
      {text
        .split(PLACEHOLDER)
        .map((part, i) =>
          PLACEHOLDER.test(part) ? <mark key={i}>{part}</mark> : <Fragment key={i}>{part}</Fragment>,
        )}
    </pre>
  );
}

/**
 * Step 4: consent on one screen. A short plain list — what goes, what is hidden, to whom — with Send
 * right below it; the exact content, section by section (and what may be left out), is one click
 * away under "Technical details".
 */
export function Review({
  view,
  context,
  excluded,
  onToggle,
  onSend,
  onBack,
  sending,
}: {
  view: ConsentView;
  context: Pick<AppContext, 'helpdeskName' | 'destination'>;
  excluded: ReadonlySet<string>;
  onToggle: (id: string, include: boolean) => void;
  onSend: () => void;
  onBack: () => void;
  sending: boolean;
}) {
  const { t, locale } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const included = view.sections.filter((s) => !excluded.has(s.id));
  const checks = included.filter((s) => s.id.startsWith('probe:')).length;
  const hidden = included.reduce((n, s) => n + s.redactions, 0);
  const sectionTitle = (section: (typeof view.sections)[number]): string => {
    const key = SECTION_KEYS[section.id];
    if (key) return t(key);
    return section.id.startsWith('probe:')
      ? checkName(section.id.slice('probe:'.length), locale)
      : section.title;
  };
  const area = (id: string): string =>
    id.startsWith('probe:') ? (id.slice(6).split('.')[0] ?? '') : id === 'log' ? 'log' : 'main';
  const groups = [
    { key: 'main', title: t('review.group.main') },
    { key: 'hardware', title: t('area.hardware') },
    { key: 'os', title: t('area.os') },
    { key: 'network', title: t('area.network') },
    { key: 'security', title: t('area.security') },
    { key: 'log', title: t('review.group.log') },
  ]
    .map((g) => ({ ...g, sections: view.sections.filter((s) => area(s.id) === g.key) }))
    .filter((g) => g.sections.length > 0);
  const renderSection = (section: (typeof view.sections)[number]) => {
    const isIncluded = !excluded.has(section.id);
    const checkboxId = `include-${section.id.replace(/[^a-z0-9]/gi, '-')}`;
    const title = sectionTitle(section);
    return (
      <li key={section.id} className={isIncluded ? 'section' : 'section excluded'}>
        <div className="section-head">
          {section.removable ? (
            <input
              id={checkboxId}
              type="checkbox"
              checked={isIncluded}
              onChange={(e) => onToggle(section.id, e.target.checked)}
            />
          ) : (
            <span className="required" aria-hidden="true">
              ✓
            </span>
          )}
          <label htmlFor={section.removable ? checkboxId : undefined} className="section-title">
            {title}
            {section.removable && <span className="visually-hidden"> — {t('review.include')}</span>}
          </label>
          <span className="meta">
            {!section.removable && t('review.required')}
            {section.removable && !isIncluded && t('review.leftOut')}
            {isIncluded &&
              section.redactions > 0 &&
              ` ${t('review.redactions', { count: section.redactions })}`}
          </span>
        </div>
        {isIncluded && (
          <details
            /* The browser owns the open state: were React to set it, a re-render arriving between the
               click and the toggle event (a new preview after a checkbox) would close it again. */
            onToggle={(e) => {
              const isOpen = (e.target as HTMLDetailsElement).open;
              setOpen((current) => {
                const next = new Set(current);
                if (isOpen) next.add(section.id);
                else next.delete(section.id);
                return next;
              });
            }}
          >
            {/* Every section has this button: its name says which section it shows. */}
            <summary aria-label={`${t('review.show')}: ${title}`}>{t('review.show')}</summary>
            {open.has(section.id) && <Marked text={section.content} label={title} />}
          </details>
        )}
      </li>
    );
  };
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title" ref={heading} tabIndex={-1}>
        {t('review.title')}
      </h1>
      <p className="lead">{t('review.intro')}</p>
      <dl className="consent">
        <dt>{t('review.to')}</dt>
        <dd className="recipient">{context.helpdeskName ?? t('review.it')}</dd>
        <dt>{t('review.goes')}</dt>
        <dd>
          <ul>
            <li>{t('review.goes.problem')}</li>
            <li>{t('review.goes.checks', { count: checks })}</li>
            {included.some((s) => s.id === 'log') && <li>{t('review.goes.log')}</li>}
          </ul>
        </dd>
        <dt>{t('review.hidden')}</dt>
        <dd>
          <p>{t(`review.hidden.${view.level satisfies RedactionLevel}`)}</p>
          <p>{t('review.hiddenCount', { count: hidden })}</p>
        </dd>
      </dl>
      <div className="actions">
        <button type="button" className="secondary" onClick={onBack} disabled={sending}>
          {t('review.back')}
        </button>
        <button type="button" className="primary" onClick={onSend} disabled={sending}>
          {sending ? t('review.sending') : t('review.send')}
        </button>
      </div>
      <details className="technical">
        <summary>{t('review.details')}</summary>
        <p className="hint">{t('review.destination', { destination: context.destination })}</p>
        <p className="hint">{t('review.size', { size: formatSize(view.totalBytes, locale) })}</p>
        {groups.map((group) => (
          <section key={group.key} aria-labelledby={`group-${group.key}`} className="section-group">
            <h2 id={`group-${group.key}`}>{group.title}</h2>
            <ul className="sections">{group.sections.map(renderSection)}</ul>
          </section>
        ))}
      </details>
    </section>
  );
}
