import { useI18n, type MessageKey } from '../i18n';

export type Step = 'describe' | 'check' | 'results' | 'review' | 'sent';
const STEPS: readonly Step[] = ['describe', 'check', 'results', 'review', 'sent'];

/** Where the user is in the five steps from "Get help" to "Sent". */
export function Stepper({ current }: { current: Step }) {
  const { t } = useI18n();
  const index = STEPS.indexOf(current);
  return (
    <nav aria-label={t('steps.label')}>
      <ol className="stepper">
        {STEPS.map((step, i) => (
          <li
            key={step}
            className={i < index ? 'done' : i === index ? 'current' : ''}
            aria-current={i === index ? 'step' : undefined}
          >
            <span className="dot" aria-hidden="true">
              {i < index ? '✓' : i + 1}
            </span>
            {t(`steps.${step}` as MessageKey)}
            {i === index && <span className="visually-hidden"> {t('steps.current')}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
