import { useCallback, useEffect, useMemo, useState } from 'react';
import type {
  AppContext,
  AppLocale,
  CheckResults,
  ConsentView,
  OutboxView,
  SendOutcome,
  StartRoute,
} from '../../main/ipc/contract';
import { triage } from './bridge';
import { Stepper, type Step } from './components/Stepper';
import { I18nContext, LANGUAGE_NAMES, translator, type MessageKey } from './i18n';
import { Checking, type ProbeProgress } from './screens/Checking';
import { Describe, type Problem } from './screens/Describe';
import { Results } from './screens/Results';
import { Review } from './screens/Review';
import { Sent } from './screens/Sent';
import { Technician } from './screens/Technician';

type Screen =
  | { readonly name: 'describe' }
  | { readonly name: 'checking' }
  | { readonly name: 'results'; readonly results: CheckResults }
  | {
      readonly name: 'review';
      readonly results: CheckResults;
      readonly view: ConsentView;
      readonly excluded: ReadonlySet<string>;
    }
  | { readonly name: 'sent'; readonly outcome: SendOutcome }
  | { readonly name: 'technician'; readonly bundle: string | null };

const STEP_OF: Readonly<Record<Screen['name'], Step | null>> = {
  describe: 'describe',
  checking: 'check',
  results: 'results',
  review: 'review',
  sent: 'sent',
  technician: null,
};

function screenFor(route: StartRoute | null): Screen {
  return route?.screen === 'technician' ? { name: 'technician', bundle: route.bundle } : { name: 'describe' };
}

export function App() {
  const [context, setContext] = useState<AppContext | null>(null);
  const [screen, setScreen] = useState<Screen>({ name: 'describe' });
  const [probes, setProbes] = useState<readonly ProbeProgress[]>([]);
  const [now, setNow] = useState(Date.now());
  /** A user-screen error, in the catalog's words (the precise reason is in main's log). */
  const [error, setError] = useState<MessageKey | null>(null);
  /** What the user asked about: kept through the checks, a crash of them, and "Check again". */
  const [problem, setProblem] = useState<Problem | null>(null);
  const [checksFailed, setChecksFailed] = useState(false);
  const [sending, setSending] = useState(false);
  const [outbox, setOutbox] = useState<OutboxView>({ waiting: 0, failed: 0, items: [] });

  useEffect(() => {
    void triage()
      ['app:context']()
      .then((ctx) => {
        setContext(ctx);
        setOutbox(ctx.outbox);
        setScreen(screenFor(ctx.startRoute));
      });
    const offRoute = triage().on('route', (route) => setScreen(screenFor(route)));
    const offOutbox = triage().on('outbox:changed', setOutbox);
    const offProgress = triage().on('check:progress', (event) => {
      const at = Date.now();
      setProbes((current) => {
        switch (event.type) {
          case 'run-started':
            return event.probes.map((p) => ({
              id: p.id,
              status: 'waiting' as const,
              startedAt: at,
              durationMs: null,
            }));
          case 'probe-started':
            return current.map((p) =>
              p.id === event.id ? { ...p, status: 'running' as const, startedAt: at } : p,
            );
          case 'probe-finished':
            return current.map((p) =>
              p.id === event.id ? { ...p, status: event.status, durationMs: event.durationMs } : p,
            );
          default:
            return current;
        }
      });
    });
    return () => {
      offRoute();
      offOutbox();
      offProgress();
    };
  }, []);

  // The "still waiting for…" line needs a clock while checks run.
  useEffect(() => {
    if (screen.name !== 'checking') return;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [screen.name]);

  const i18n = useMemo(
    () => ({ t: translator(context?.locale ?? 'en'), locale: context?.locale ?? 'en' }),
    [context?.locale],
  );
  const { t } = i18n;

  useEffect(() => {
    document.documentElement.lang = i18n.locale;
    if (context) document.title = context.productName;
  }, [i18n.locale, context]);

  const start = useCallback(async (asked: Problem) => {
    setError(null);
    setChecksFailed(false);
    setProblem(asked);
    setProbes([]);
    setScreen({ name: 'checking' });
    const result = await triage()['check:start'](asked);
    if (result.ok) setScreen({ name: 'results', results: result.value });
    else {
      // Back to the form, with what they wrote still in it.
      setChecksFailed(true);
      setScreen({ name: 'describe' });
    }
  }, []);

  const preview = useCallback(async (results: CheckResults, excluded: ReadonlySet<string>) => {
    const result = await triage()['consent:preview']({ exclude: [...excluded] });
    if (result.ok) setScreen({ name: 'review', results, view: result.value, excluded });
    else setError('error.prepare');
  }, []);

  const send = useCallback(async (excluded: ReadonlySet<string>) => {
    setSending(true);
    const result = await triage()['report:send']({ exclude: [...excluded] });
    setSending(false);
    if (result.ok) setScreen({ name: 'sent', outcome: result.value });
    else setError('error.prepare');
  }, []);

  const restart = useCallback(async () => {
    await triage()['draft:clear']();
    const ctx = await triage()['app:context']();
    setContext(ctx);
    setOutbox(ctx.outbox);
    setError(null);
    setChecksFailed(false);
    setProblem(null);
    setScreen({ name: 'describe' });
  }, []);

  const setLocale = async (locale: AppLocale): Promise<void> =>
    setContext(await triage()['app:set-locale'](locale));

  if (!context) return <p className="loading">{t('app.loading')}</p>;
  const step = STEP_OF[screen.name];

  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <span className="product">{t('app.title', { product: context.productName })}</span>
        <div className="topbar-actions">
          <label className="language">
            {t('app.language')}
            <select value={context.locale} onChange={(e) => void setLocale(e.target.value as AppLocale)}>
              {context.locales.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          {screen.name === 'technician' ? (
            <button type="button" className="link" onClick={() => void restart()}>
              {t('app.getHelp')}
            </button>
          ) : (
            context.technicianEntry && (
              <button
                type="button"
                className="link"
                onClick={() => setScreen({ name: 'technician', bundle: null })}
                disabled={screen.name === 'checking'}
              >
                {t('app.forIt')}
              </button>
            )
          )}
        </div>
      </header>
      {step && <Stepper current={step} />}
      <main id="main" key={screen.name}>
        {error && (
          <p role="alert" className="error">
            {t(error)}
          </p>
        )}
        {screen.name === 'describe' && (
          <Describe
            context={context}
            outbox={outbox}
            asked={problem}
            checksFailed={checksFailed}
            onStart={(p) => void start(p)}
          />
        )}
        {screen.name === 'checking' && <Checking probes={probes} now={now} />}
        {screen.name === 'results' && (
          <Results
            results={screen.results}
            category={problem?.category ?? null}
            settingsPages={context.settingsPages}
            onNext={() => void preview(screen.results, new Set())}
            onCheckAgain={() => problem && void start(problem)}
          />
        )}
        {screen.name === 'review' && (
          <Review
            view={screen.view}
            context={context}
            excluded={screen.excluded}
            sending={sending}
            onToggle={(id, include) => {
              const next = new Set(screen.excluded);
              if (include) next.delete(id);
              else next.add(id);
              // The box follows the click at once; the preview of the new choice follows from main.
              setScreen({ ...screen, excluded: next });
              void preview(screen.results, next);
            }}
            onSend={() => void send(screen.excluded)}
            onBack={() => setScreen({ name: 'results', results: screen.results })}
          />
        )}
        {screen.name === 'sent' && (
          <Sent outcome={screen.outcome} support={context.support} onDone={() => void restart()} />
        )}
        {screen.name === 'technician' && (
          <Technician initialPath={screen.bundle} policyWarnings={context.policyWarnings} />
        )}
      </main>
    </I18nContext.Provider>
  );
}
