import type { SendOutcome } from '../../../main/ipc/contract';
import { triage } from '../bridge';
import { useFocusHeading } from '../components/useFocusHeading';
import { useI18n } from '../i18n';

/** Step 5: the ticket number, or where the report waits, or where it was saved. */
export function Sent({
  outcome,
  supportContact,
  onDone,
}: {
  outcome: SendOutcome;
  supportContact: string | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const contact = supportContact ? t('sent.contact', { contact: supportContact }) : '';
  const path = outcome.kind === 'saved' ? outcome.path : outcome.kind === 'sent' ? null : outcome.bundlePath;
  return (
    <section aria-labelledby="sent-title" className={`outcome ${outcome.kind}`}>
      <h1 id="sent-title" ref={heading} tabIndex={-1}>
        {t(`sent.title.${outcome.kind}`)}
      </h1>
      {outcome.kind === 'sent' && (
        <>
          <p className="ticket">{t('sent.ticket', { id: outcome.ticketId })}</p>
          {outcome.ticketUrl && <p className="hint">{t('sent.ticketLink', { url: outcome.ticketUrl })}</p>}
        </>
      )}
      {outcome.kind === 'queued' && (
        <>
          <p className="lead">{t('sent.queuedIntro')}</p>
          <p className="hint">{outcome.message}</p>
        </>
      )}
      {outcome.kind === 'saved' && <p className="lead">{t('sent.savedIntro', { contact })}</p>}
      {outcome.kind === 'failed' && (
        <>
          <p className="lead">{t('sent.failedIntro', { contact })}</p>
          <p className="error">{outcome.message}</p>
        </>
      )}
      {path && (
        <>
          <p className="path">{t('sent.where', { path })}</p>
          <button type="button" className="secondary" onClick={() => void triage()['path:show'](path)}>
            {t('sent.showFile')}
          </button>
        </>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onDone}>
          {t('sent.done')}
        </button>
      </div>
    </section>
  );
}
