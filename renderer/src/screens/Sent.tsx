import type { AppContext, SendOutcome } from '../../../main/ipc/contract';
import { triage } from '../bridge';
import { SupportBox } from '../components/SupportBox';
import { useFocusHeading } from '../components/useFocusHeading';
import { useI18n } from '../i18n';

/**
 * Step 5: the ticket number; or why the report waits and that it goes by itself; or, when it cannot
 * go, what the user does instead — always with how to reach IT, never with an error code.
 */
export function Sent({
  outcome,
  support,
  onDone,
}: {
  outcome: SendOutcome;
  support: AppContext['support'];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>();
  // Where the file is matters only when the user passes it on: saved, or not sendable at all.
  const path =
    outcome.kind === 'saved' ? outcome.path : outcome.kind === 'failed' ? outcome.bundlePath : null;
  const isDraft = outcome.kind === 'saved' && outcome.draftOpened !== null;
  return (
    <section aria-labelledby="sent-title" className={`outcome ${outcome.kind}`}>
      <h1 id="sent-title" ref={heading} tabIndex={-1}>
        {isDraft ? t('sent.title.draft') : t(`sent.title.${outcome.kind}`)}
      </h1>
      {outcome.kind === 'sent' && (
        <>
          <p className="ticket">{t('sent.ticket', { id: outcome.ticketId })}</p>
          {outcome.ticketUrl && <p className="hint">{t('sent.ticketLink', { url: outcome.ticketUrl })}</p>}
        </>
      )}
      {outcome.kind === 'queued' && (
        <>
          <p className="lead">{t(`sent.reason.${outcome.reason}`)}</p>
          <p>{t('sent.queuedIntro')}</p>
        </>
      )}
      {outcome.kind === 'saved' && (
        <p className="lead">
          {outcome.draftOpened === null
            ? t('sent.savedIntro')
            : outcome.draftOpened
              ? t('sent.draftOpened')
              : t('sent.draftNotOpened')}
        </p>
      )}
      {outcome.kind === 'failed' && (
        <>
          <p className="lead">{t(`sent.reason.${outcome.reason}`)}</p>
          <p>{t('sent.failedIntro')}</p>
        </>
      )}
      {path && (
        <>
          {outcome.kind === 'saved' && <p className="path">{t('sent.where', { path })}</p>}
          <button type="button" className="secondary" onClick={() => void triage()['path:show'](path)}>
            {t('sent.showFile')}
          </button>
        </>
      )}
      {outcome.kind !== 'sent' && !(isDraft && outcome.draftOpened) && <SupportBox support={support} />}
      <div className="actions">
        <button type="button" className="primary" onClick={onDone}>
          {t('sent.done')}
        </button>
      </div>
    </section>
  );
}
