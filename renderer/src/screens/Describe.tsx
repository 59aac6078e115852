import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppContext, Draft, OutboxView, ProblemCategory } from '../../../main/ipc/contract';
// One rule set for the warning and the scrubber; secret-rules.ts imports nothing (no Node).
import { looksLikeSecret } from '../../../main/bundle/secret-rules';
import { triage } from '../bridge';
import { useFocusHeading } from '../components/useFocusHeading';
import { useI18n, type MessageKey } from '../i18n';

const CATEGORIES: readonly ProblemCategory[] = [
  'cant-connect',
  'slow',
  'app-crashes',
  'cant-sign-in',
  'printing',
  'other',
];
/** Saving on every keystroke would write to disk many times a second; this is soon enough. */
const SAVE_DELAY_MS = 400;
/** The list of past reports shows the latest few; the outbox keeps them for its retention time. */
const MAX_REPORTS_SHOWN = 10;

const CONTACT_FIELDS = [
  { field: 'name', type: 'text', label: 'describe.name' },
  { field: 'email', type: 'email', label: 'describe.email' },
  { field: 'phone', type: 'tel', label: 'describe.phone' },
] as const satisfies readonly { field: keyof Draft['contact']; type: string; label: MessageKey }[];

export interface Problem {
  readonly category: ProblemCategory;
  readonly description: string;
  readonly contact: { readonly name: string; readonly email: string; readonly phone: string };
}

/** Step 1: what is wrong, in the user's words. Everything typed is saved as it is typed. */
export function Describe({
  context,
  outbox,
  asked,
  checksFailed,
  onStart,
}: {
  context: AppContext;
  outbox: OutboxView;
  /** What the user asked before (checks that failed, "Check again"): shown again, never lost. */
  asked: Problem | null;
  checksFailed: boolean;
  onStart: (problem: Problem) => void;
}) {
  const { t, locale } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const initial: Draft = asked ??
    context.draft ?? {
      category: null,
      description: '',
      contact: context.contactDefaults,
    };
  const [draft, setDraft] = useState<Draft>(initial);
  // Each message sits next to the field it is about.
  const [error, setError] = useState<{ field: 'category' | 'description'; key: MessageKey } | null>(null);
  const [retrying, setRetrying] = useState(false);
  const [retryResult, setRetryResult] = useState<'sent' | 'not-yet' | null>(null);
  const [outboxNow, setOutboxNow] = useState(outbox);
  const timer = useRef<number | undefined>(undefined);
  const dirty = useRef(false);

  useEffect(() => setOutboxNow(outbox), [outbox]);
  useEffect(() => {
    if (!dirty.current) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void triage()['draft:save'](draft), SAVE_DELAY_MS);
    return () => window.clearTimeout(timer.current);
  }, [draft]);

  const update = (change: Partial<Draft>): void => {
    dirty.current = true;
    setDraft((current) => ({ ...current, ...change }));
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!draft.category) {
      setError({ field: 'category', key: 'describe.needCategory' });
      return document.querySelector<HTMLInputElement>('input[name="category"]')?.focus();
    }
    if (draft.description.trim() === '') {
      setError({ field: 'description', key: 'describe.needDescription' });
      return document.getElementById('description')?.focus();
    }
    setError(null);
    void triage()['draft:save'](draft);
    onStart({ category: draft.category, description: draft.description.trim(), contact: draft.contact });
  };
  const retry = async (): Promise<void> => {
    setRetrying(true);
    setRetryResult(null);
    const after = await triage()['outbox:retry']();
    // Said every time, so a second failed try is not met with silence.
    setRetryResult(after.waiting + after.failed === 0 ? 'sent' : 'not-yet');
    setOutboxNow(after);
    setRetrying(false);
  };

  return (
    <form onSubmit={submit} noValidate>
      <h1 ref={heading} tabIndex={-1}>
        {t('describe.title')}
      </h1>
      <p className="lead">{t('describe.intro')}</p>
      {checksFailed ? (
        <p role="alert" className="error">
          {t('describe.crashed')}
        </p>
      ) : (
        !asked && context.draft && <p className="notice">{t('describe.restored')}</p>
      )}
      {(outboxNow.waiting > 0 || outboxNow.failed > 0) && (
        <div className="notice" role="status">
          {outboxNow.waiting > 0 && <p>{t('outbox.waiting', { count: outboxNow.waiting })}</p>}
          {outboxNow.failed > 0 && <p>{t('outbox.failed', { count: outboxNow.failed })}</p>}
          {retryResult === 'not-yet' && <p>{t('outbox.stillWaiting')}</p>}
          <button type="button" className="secondary" onClick={() => void retry()} disabled={retrying}>
            {retrying ? t('outbox.retrying') : t('outbox.retry')}
          </button>
        </div>
      )}
      {retryResult === 'sent' && outboxNow.waiting + outboxNow.failed === 0 && (
        <p className="notice" role="status">
          {t('outbox.allSent')}
        </p>
      )}
      <fieldset
        className="categories"
        aria-invalid={error?.field === 'category' || undefined}
        aria-describedby={error?.field === 'category' ? 'category-error' : undefined}
      >
        <legend>{t('describe.category')}</legend>
        {CATEGORIES.map((category) => (
          <label key={category} className={draft.category === category ? 'choice selected' : 'choice'}>
            <input
              type="radio"
              name="category"
              value={category}
              checked={draft.category === category}
              onChange={() => update({ category })}
            />
            {t(`category.${category}` as MessageKey)}
          </label>
        ))}
        {error?.field === 'category' && (
          <p id="category-error" role="alert" className="error field-error">
            {t(error.key)}
          </p>
        )}
      </fieldset>
      <label htmlFor="description">{t('describe.description')}</label>
      <p id="description-hint" className="hint">
        {t('describe.descriptionHint')}
      </p>
      <textarea
        id="description"
        aria-describedby={
          error?.field === 'description' ? 'description-error description-hint' : 'description-hint'
        }
        aria-invalid={error?.field === 'description' || undefined}
        rows={5}
        value={draft.description}
        onChange={(e) => update({ description: e.target.value })}
      />
      {error?.field === 'description' && (
        <p id="description-error" role="alert" className="error field-error">
          {t(error.key)}
        </p>
      )}
      {looksLikeSecret(draft.description) && (
        <p className="notice" role="status">
          {t('describe.looksLikePassword')}
        </p>
      )}
      <fieldset className="contact">
        <legend>{t('describe.contact')}</legend>
        <div className="fields">
          {CONTACT_FIELDS.map(({ field, type, label }) => (
            <label key={field}>
              {t(label)}
              <input
                type={type}
                autoComplete={field === 'phone' ? 'tel' : field}
                value={draft.contact[field]}
                onChange={(e) => update({ contact: { ...draft.contact, [field]: e.target.value } })}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">
          {t('describe.start')}
        </button>
      </div>
      {outboxNow.items.length > 0 && (
        <section className="reports" aria-labelledby="reports-title">
          <h2 id="reports-title">{t('reports.title')}</h2>
          <ul>
            {[...outboxNow.items]
              .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
              .slice(0, MAX_REPORTS_SHOWN)
              .map((item) => (
                <li key={item.key}>
                  <span className="subject">{item.subject}</span>
                  <span className="when">{new Date(item.createdAt).toLocaleString(locale)}</span>
                  <span className={`state ${item.status}`}>
                    {item.status === 'sent'
                      ? t('reports.sent', { id: item.ticketId ?? '' })
                      : item.status === 'failed'
                        ? t('reports.failed')
                        : t('reports.waiting')}
                  </span>
                </li>
              ))}
          </ul>
        </section>
      )}
    </form>
  );
}
