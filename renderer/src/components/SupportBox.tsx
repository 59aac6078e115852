import { useState } from 'react';
import type { AppContext } from '../../../main/ipc/contract';
import { triage } from '../bridge';
import { useI18n } from '../i18n';

/**
 * How to reach IT, from policy: shown wherever a report has not gone (yet), so the user always has
 * a next step. The buttons name no number or address to main: main opens what policy set.
 */
export function SupportBox({ support }: { support: AppContext['support'] }) {
  const { t } = useI18n();
  const [openFailed, setOpenFailed] = useState(false);
  const open = async (how: 'phone' | 'web'): Promise<void> =>
    setOpenFailed(!(await triage()['support:open'](how)).ok);
  const nothingSet = !support.text && !support.phone && !support.web;
  return (
    <aside className="support" aria-labelledby="support-title">
      <h2 id="support-title">{t('support.title')}</h2>
      {nothingSet && <p>{t('support.usual')}</p>}
      {support.text && <p>{support.text}</p>}
      {(support.phone || support.web) && (
        <div className="actions inline">
          {support.phone && (
            <button type="button" className="secondary" onClick={() => void open('phone')}>
              {t('support.call', { phone: support.phone })}
            </button>
          )}
          {support.web && (
            <button type="button" className="secondary" onClick={() => void open('web')}>
              {t('support.web')}
            </button>
          )}
        </div>
      )}
      {openFailed && (
        <p role="alert" className="error">
          {t('support.openFailed')}
        </p>
      )}
    </aside>
  );
}
