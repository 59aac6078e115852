import { ProbeError } from '../errors';

/** Waits, unless the probe is stopped first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new ProbeError('cancelled', 'The probe was stopped.'));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new ProbeError('cancelled', 'The probe was stopped.'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
