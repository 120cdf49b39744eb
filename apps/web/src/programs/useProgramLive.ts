import { useEffect, useRef, useState } from 'react';
import { useSubscription } from 'urql';
import { ProgramChangedSubscription } from './programs.operations';

/** How long "updated just now" stays: long enough to read, short enough to stay true. */
const NOTICE_MS = 8000;

/**
 * Keeps a program page current: every `programChanged` signal (sent once the read model has
 * caught up, so a read made now sees the change) re-reads the program from the network.
 * Answers whether a signal came in the last few seconds, for a polite "updated just now".
 * Every role may subscribe.
 */
export function useProgramLive(programId: string, refresh: () => void): boolean {
  const [{ data }] = useSubscription({ query: ProgramChangedSubscription, variables: { programId }, pause: !programId });
  const [updated, setUpdated] = useState(false);
  // The latest refresh without making it a reason to run the effect: only a new signal is.
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  useEffect(() => {
    if (!data) return;
    refreshRef.current();
    setUpdated(true);
    const timer = setTimeout(() => setUpdated(false), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [data]);
  return updated;
}
