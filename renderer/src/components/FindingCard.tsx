import { useState } from 'react';
import type { RenderedFinding, SettingsPage } from '../../../main/ipc/contract';
import { triage } from '../bridge';
import { useI18n } from '../i18n';

/**
 * One finding, in plain words: what is wrong, why it matters, what the user can do, what IT does.
 * Its button names what it opens, and appears only where this computer can open it.
 */
export function FindingCard({
  finding,
  technician = false,
  settingsPages = [],
}: {
  finding: RenderedFinding;
  technician?: boolean;
  /** The settings pages this computer can open; the network's sign-in page always can. */
  settingsPages?: readonly SettingsPage[];
}) {
  const { t } = useI18n();
  const [openFailed, setOpenFailed] = useState(false);
  const page = finding.settings;
  const canOpen = page !== undefined && (page === 'sign-in-page' || settingsPages.includes(page));
  const openSettings = async (): Promise<void> => {
    if (!page) return;
    setOpenFailed(!(await triage()['settings:open'](page)).ok);
  };
  const headingId = `finding-${finding.id}-${finding.title.length}`;
  return (
    <article className={`finding ${finding.severity}`} aria-labelledby={headingId}>
      <p className={`severity ${finding.severity}`}>{t(`severity.${finding.severity}`)}</p>
      <h3 id={headingId}>{finding.title}</h3>
      <p>{finding.explanation}</p>
      {finding.userSteps.length > 0 && !technician && (
        <>
          <h4>{t('results.youCanDo')}</h4>
          <ol>
            {finding.userSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {canOpen && (
            // Two cards may open the same page: the card's title tells their buttons apart.
            <button
              type="button"
              className="secondary"
              aria-describedby={headingId}
              onClick={() => void openSettings()}
            >
              {t(`open.${page}`)}
            </button>
          )}
          {openFailed && (
            <p role="alert" className="error">
              {t('results.openFailed')}
            </p>
          )}
        </>
      )}
      {finding.itSteps.length > 0 &&
        (technician ? (
          <>
            <h4>{t('results.itDoes')}</h4>
            <ol>
              {finding.itSteps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </>
        ) : (
          <details>
            <summary>{t('results.itDoes')}</summary>
            <ol>
              {finding.itSteps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </details>
        ))}
      {technician && finding.evidence.length > 0 && (
        <details>
          <summary>{t('tech.evidence')}</summary>
          <table>
            <tbody>
              {finding.evidence.map((e, i) => (
                <tr key={`${e.probe}-${e.field}-${i}`}>
                  <th scope="row">
                    {e.probe} {e.field}
                  </th>
                  <td>{typeof e.value === 'string' ? e.value : JSON.stringify(e.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </article>
  );
}
