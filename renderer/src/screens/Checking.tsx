import { useEffect, useState } from 'react';
import type { ProbeStatus } from '../../../main/ipc/contract';
import { triage } from '../bridge';
import { useFocusHeading } from '../components/useFocusHeading';
import { checkName } from '../../../probes/names';
import { useI18n, type MessageKey } from '../i18n';

export interface ProbeProgress {
  readonly id: string;
  readonly status: ProbeStatus | 'running' | 'waiting';
  readonly startedAt: number;
  readonly durationMs: number | null;
}

const AREAS = ['hardware', 'os', 'network', 'security'] as const;

/** Step 2: live progress per check, naming what is still running; cancellable. */
export function Checking({ probes, now }: { probes: readonly ProbeProgress[]; now: number }) {
  const { t, locale } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const [cancelling, setCancelling] = useState(false);
  const done = probes.filter((p) => p.status !== 'running' && p.status !== 'waiting').length;
  const running = probes.filter((p) => p.status === 'running');
  // After a few seconds, say honestly which checks are holding things up.
  const slow = running.filter((p) => now - p.startedAt > 2_000);
  const cancel = async (): Promise<void> => {
    setCancelling(true);
    await triage()['check:cancel']();
  };
  // Escape stops the checks, as it closes or stops things everywhere else.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') void cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <section aria-labelledby="checking-title">
      <h1 id="checking-title" ref={heading} tabIndex={-1}>
        {t('checking.title')}
      </h1>
      <p className="lead">{t('checking.intro')}</p>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={probes.length}
        aria-valuenow={done}
        aria-label={t('checking.progress', { done, total: probes.length })}
      >
        <div className="bar" style={{ width: `${probes.length ? (done / probes.length) * 100 : 0}%` }} />
      </div>
      <p aria-live="polite">
        {probes.length === 0
          ? t('checking.starting')
          : t('checking.progress', { done, total: probes.length })}
      </p>
      {slow.length > 0 && (
        <p className="hint">
          {t('checking.waitingFor', {
            names: slow
              .map((p) => `${checkName(p.id, locale)} (${Math.round((now - p.startedAt) / 1000)} s)`)
              .join(', '),
          })}
        </p>
      )}
      <div className="areas">
        {AREAS.map((area) => (
          <section key={area} aria-label={t(`area.${area}`)}>
            <h2>{t(`area.${area}`)}</h2>
            <ul className="checks">
              {probes
                .filter((p) => p.id.startsWith(`${area}.`))
                .map((p) => (
                  <li key={p.id} className={`check ${p.status}`}>
                    <span className="icon" aria-hidden="true">
                      {p.status === 'running' || p.status === 'waiting'
                        ? '…'
                        : p.status === 'ok'
                          ? '✓'
                          : p.status === 'unsupported'
                            ? '–'
                            : '!'}
                    </span>
                    <span className="name">{checkName(p.id, locale)}</span>
                    <span className="state">{t(`status.${p.status}` as MessageKey)}</span>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
      <div className="actions">
        <p className="hint">{t('checking.escape')}</p>
        <button type="button" className="secondary" onClick={() => void cancel()} disabled={cancelling}>
          {cancelling ? t('checking.cancelling') : t('checking.cancel')}
        </button>
      </div>
    </section>
  );
}
