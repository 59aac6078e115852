import { useState } from 'react';
import type { RenderedFinding } from '../../../main/ipc/contract';
import { triage } from '../bridge';
import { useI18n } from '../i18n';

/** One finding, in plain words: what is wrong, why it matters, what the user can do, what IT does. */
export function FindingCard({
  finding,
  technician = false,
}: {
  finding: RenderedFinding;
  technician?: boolean;
}) {
  const { t } = useI18n();
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const openSettings = async (): Promise<void> => {
    if (!finding.settings) return;
    const result = await triage()['settings:open'](finding.settings);
    setSettingsError(result.ok ? null : result.error);
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
          {finding.settings && (
            <button type="button" className="secondary" onClick={() => void openSettings()}>
              {t('results.openSettings')}
            </button>
          )}
          {settingsError && (
            <p role="alert" className="error">
              {t('results.settingsFailed', { message: settingsError })}
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
