import type { CheckResults, ProblemCategory, SettingsPage } from '../../../main/ipc/contract';
import { arrangeForProblem, renderFinding } from '../../../probes/findings/evaluate';
import { FindingCard } from '../components/FindingCard';
import { useFocusHeading } from '../components/useFocusHeading';
import { useI18n } from '../i18n';

/**
 * Step 3: the answer to the user's question first — what probably causes the problem they chose —
 * then other things they can fix, then, folded, what only IT can do, and what was checked and is
 * fine. Findings are put into words here, in the language the user reads now.
 */
export function Results({
  results,
  category,
  settingsPages,
  onNext,
  onCheckAgain,
}: {
  results: CheckResults;
  category: ProblemCategory | null;
  settingsPages: readonly SettingsPage[];
  onNext: () => void;
  onCheckAgain: () => void;
}) {
  const { t, locale } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const findings = results.findings.map((f) => renderFinding(f, locale));
  const { cause, youCanDo, forIt, fine } = arrangeForProblem(findings, category);
  const problems = cause.length + youCanDo.length + forIt.length;
  const card = (finding: (typeof findings)[number], index: number) => (
    <FindingCard key={`${finding.id}-${index}`} finding={finding} settingsPages={settingsPages} />
  );
  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title" ref={heading} tabIndex={-1}>
        {problems ? t('results.title') : t('results.none')}
      </h1>
      {results.cancelled && <p className="notice">{t('results.cancelled')}</p>}
      {problems === 0 && <p className="lead">{t('results.noneIntro')}</p>}
      {problems > 0 && cause.length === 0 && <p className="lead">{t('results.noCause')}</p>}
      {cause.length > 0 && (
        <section aria-labelledby="results-cause" className="findings">
          <h2 id="results-cause">{t('results.cause')}</h2>
          {cause.map(card)}
        </section>
      )}
      {youCanDo.length > 0 && (
        <section aria-labelledby="results-fixes" className="findings">
          <h2 id="results-fixes">{t('results.otherFixes')}</h2>
          {youCanDo.map(card)}
        </section>
      )}
      {forIt.length > 0 && (
        <details className="for-it">
          <summary>{t('results.forIt', { count: forIt.length })}</summary>
          <div className="findings">{forIt.map(card)}</div>
        </details>
      )}
      {fine.length > 0 && (
        <details className="fine">
          <summary>{t('results.okCount', { count: fine.length })}</summary>
          <ul>
            {fine.map((f) => (
              <li key={f.id}>{f.title}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onCheckAgain}>
          {t('results.again')}
        </button>
        <button type="button" className="primary" onClick={onNext}>
          {t('results.next')}
        </button>
      </div>
    </section>
  );
}
