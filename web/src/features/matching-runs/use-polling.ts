import { useEffect } from 'react';

/**
 * Asks again `delayMs` after each answer while `active`: one request at a time however slow the
 * network is, and nothing left running once the page is gone (the timer is cleared on unmount).
 * `answer` is the latest result, so each new one schedules the next request.
 */
export function usePollWhile(active: boolean, fetching: boolean, answer: unknown, refetch: () => void, delayMs = 1000): void {
  useEffect(() => {
    if (!active || fetching) return undefined;
    const timer = window.setTimeout(refetch, delayMs);
    return () => window.clearTimeout(timer);
  }, [active, fetching, answer, refetch, delayMs]);
}
