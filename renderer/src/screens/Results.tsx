import type { CheckResults } from '../../../main/ipc/contract';
import { FindingCard } from '../components/FindingCard';
import { useFocusHeading } from '../components/useFocusHeading';
import { useI18n } from '../i18n';

/** Step 3: what was found, most important first, in plain words, with what the user can do. */
export function Results({
  results,
  onNext,
  onRestart,
}: {
  results: CheckResults;
  onNext: () => void;
  onRestart: () => void;
}) {
  const { t } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const problems = results.findings.filter((f) => f.severity !== 'ok');
  const fine = results.findings.filter((f) => f.severity === 'ok');
  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title" ref={heading} tabIndex={-1}>
        {problems.length ? t('results.title') : t('results.none')}
      </h1>
      <p className="lead">{problems.length ? t('results.intro') : t('results.noneIntro')}</p>
      {results.cancelled && <p className="notice">{t('results.cancelled')}</p>}
      <div className="findings">
        {problems.map((finding, index) => (
          <FindingCard key={`${finding.id}-${index}`} finding={finding} />
        ))}
      </div>
      {fine.length > 0 && <p className="hint">{t('results.okCount', { count: fine.length })}</p>}
      <div className="actions">
        <button type="button" className="secondary" onClick={onRestart}>
          {t('results.again')}
        </button>
        <button type="button" className="primary" onClick={onNext}>
          {t('results.next')}
        </button>
      </div>
    </section>
  );
}
