import { Fragment, useState } from 'react';
import type { ConsentView, RedactionLevel } from '../../../main/ipc/contract';
import { useFocusHeading } from '../components/useFocusHeading';
import { useI18n, type MessageKey } from '../i18n';

const PLACEHOLDER = /(\[(?:user|host|email|ip|mac|serial|ssid|path|id)-\d+\]|\[secret\])/g;

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

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

/** Step 4: exactly what will be sent, section by section; sections may be left out where allowed. */
export function Review({
  view,
  destination,
  excluded,
  onToggle,
  onSend,
  onBack,
  sending,
}: {
  view: ConsentView;
  destination: string;
  excluded: ReadonlySet<string>;
  onToggle: (id: string, include: boolean) => void;
  onSend: () => void;
  onBack: () => void;
  sending: boolean;
}) {
  const { t } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const level = t(`review.level.${view.level satisfies RedactionLevel}` as MessageKey);
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
    const included = !excluded.has(section.id);
    const checkboxId = `include-${section.id.replace(/[^a-z0-9]/gi, '-')}`;
    return (
      <li key={section.id} className={included ? 'section' : 'section excluded'}>
        <div className="section-head">
          {section.removable ? (
            <input
              id={checkboxId}
              type="checkbox"
              checked={included}
              onChange={(e) => onToggle(section.id, e.target.checked)}
            />
          ) : (
            <span className="required" aria-hidden="true">
              ✓
            </span>
          )}
          <label htmlFor={section.removable ? checkboxId : undefined} className="section-title">
            {section.title}
            {section.removable && <span className="visually-hidden"> — {t('review.include')}</span>}
          </label>
          <span className="meta">
            {!section.removable && t('review.required')}
            {section.removable && !included && t('review.leftOut')}
            {included &&
              section.redactions > 0 &&
              ` ${t('review.redactions', { count: section.redactions })}`}
          </span>
        </div>
        {included && (
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
            <summary>{t('review.show')}</summary>
            {open.has(section.id) && <Marked text={section.content} label={section.title} />}
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
      <p className="lead">{t('review.intro', { destination, level })}</p>
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`group-${group.key}`} className="section-group">
          <h2 id={`group-${group.key}`}>{group.title}</h2>
          <ul className="sections">{group.sections.map(renderSection)}</ul>
        </section>
      ))}
      <p className="hint">{t('review.size', { size: formatSize(view.totalBytes) })}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onBack} disabled={sending}>
          {t('review.back')}
        </button>
        <button type="button" className="primary" onClick={onSend} disabled={sending}>
          {sending ? t('review.sending') : t('review.send')}
        </button>
      </div>
    </section>
  );
}
