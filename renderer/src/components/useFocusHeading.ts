import { useEffect, useRef } from 'react';

/** Moves focus to a screen's heading when it appears, so keyboard and screen-reader users land there. */
export function useFocusHeading<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
