import type { MessageCatalog } from '../../types';

/** English text of the general findings, keyed by rule id. */
export const generalMessagesEn: MessageCatalog = {
  'general.checks-incomplete': {
    title: 'Some checks could not finish',
    explanation:
      '{count, plural, one {One of the checks} other {# of the checks}} did not give an answer ({checks}). The rest of the results are still valid, but problems in those areas may not be shown.',
    userSteps: [],
    itSteps: [
      'Look at the failed checks in the bundle: each says why it stopped (a missing tool, missing rights, or a time limit).',
    ],
  },
};
