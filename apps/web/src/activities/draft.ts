import { useEffect, useState } from 'react';

/**
 * A form's unsaved work kept in localStorage under its own key, so a reload, a closed tab or a
 * failed save loses nothing; cleared once the save succeeds. Kept with it is the form's
 * commandId: a save retried after a reload is still recorded once.
 */
export interface Draft<T> {
  values: T;
  commandId: string;
}

export function readDraft<T>(key: string): Draft<T> | null {
  try {
    const stored = localStorage.getItem(key);
    return stored ? (JSON.parse(stored) as Draft<T>) : null;
  } catch {
    return null;
  }
}

export function clearDraft(key: string): void {
  localStorage.removeItem(key);
}

/** Writes the draft on every change while `keep` is true. */
export function useKeepDraft<T>(key: string, draft: Draft<T>, keep: boolean): void {
  const json = JSON.stringify(draft);
  useEffect(() => {
    if (keep) localStorage.setItem(key, json);
  }, [key, json, keep]);
}

/** The draft found when the form opened, read once. */
export function useRestoredDraft<T>(key: string): Draft<T> | null {
  const [draft] = useState(() => readDraft<T>(key));
  return draft;
}
