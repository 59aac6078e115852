/**
 * os.events — PLACEHOLDER: to be replaced by the real probe (same export names).
 */
import { defineProbe } from '../../types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the probe lands
export interface EventsData {}

export const eventsProbe = defineProbe<EventsData>({
  descriptor: { id: 'os.events', title: 'os.events', description: 'Placeholder.', platforms: [], timeoutMs: 5_000, fields: {} },
  collectors: {},
});
