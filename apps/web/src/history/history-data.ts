import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, type Client, type OperationResult } from 'urql';
import type { LocalizedText } from '../app/localized';
import type { ResultOf } from '../graphql/graphql';
import { organizationIdsIn } from './describe-event';
import { OrganizationNameQuery, ProgramHistoryQuery } from './history.operations';

export type HistoryEvent = ResultOf<typeof ProgramHistoryQuery>['programHistory']['edges'][number]['node'];

const PAGE = 50;
const EXPORT_PAGE = 100; // the API's largest page

// Asked on demand (a button, "show more"): always from the server, never a cached answer, so a
// verification or a page of history is what the store says now.
const fresh = { requestPolicy: 'network-only' } as const;

interface Pages {
  events: HistoryEvent[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  loading: boolean;
  error: string | null;
}

/** The program's timeline, a page at a time: "show more" appends the next page. */
export function useHistoryPages(programId: string) {
  const client = useClient();
  const [pages, setPages] = useState<Pages>({ events: [], totalCount: 0, endCursor: null, hasNextPage: false, loading: true, error: null });
  const current = useRef(programId);
  current.current = programId;

  const load = useCallback(
    async (after: string | null) => {
      setPages((state) => ({ ...state, loading: true, error: null }));
      const result = await client.query(ProgramHistoryQuery, { programId, first: PAGE, after }, fresh).toPromise();
      if (current.current !== programId) return;
      const history = result.data?.programHistory;
      if (!history) {
        setPages((state) => ({ ...state, loading: false, error: result.error?.message ?? 'no data' }));
        return;
      }
      setPages((state) => ({
        events: after === null ? history.edges.map((edge) => edge.node) : [...state.events, ...history.edges.map((edge) => edge.node)],
        totalCount: history.totalCount,
        endCursor: history.pageInfo.endCursor ?? null,
        hasNextPage: history.pageInfo.hasNextPage,
        loading: false,
        error: null,
      }));
    },
    [client, programId],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return { ...pages, showMore: () => void load(pages.endCursor), retry: () => void load(null) };
}

/** Every event of the program, paging to the end: for the CSV export. */
export async function allHistory(client: Client, programId: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const result: OperationResult<ResultOf<typeof ProgramHistoryQuery>> = await client.query(ProgramHistoryQuery, { programId, first: EXPORT_PAGE, after }, fresh).toPromise();
    const history = result.data?.programHistory;
    if (!history) throw new Error(result.error?.message ?? 'programHistory answered nothing');
    events.push(...history.edges.map((edge) => edge.node));
    if (!history.pageInfo.hasNextPage || !history.pageInfo.endCursor) return events;
    after = history.pageInfo.endCursor;
  }
}

/**
 * The names of the organisations the events name (partners, parties, owners): the history has
 * their ids only. Each is asked once; names the page cannot get stay unknown and the wording
 * falls back to a short id.
 */
export function useOrganizationNames(events: readonly { type: string; data: unknown }[]) {
  const client = useClient();
  const [names, setNames] = useState<ReadonlyMap<string, LocalizedText>>(new Map());
  const asked = useRef(new Set<string>());
  useEffect(() => {
    const wanted = [...new Set(events.flatMap(organizationIdsIn))].filter((id) => !asked.current.has(id));
    if (wanted.length === 0) return;
    for (const id of wanted) asked.current.add(id);
    void lookUpNames(client, wanted).then((found) => {
      if (found.size) setNames((known) => new Map([...known, ...found]));
    });
  }, [client, events]);
  return names;
}

export async function lookUpNames(client: Client, ids: readonly string[]): Promise<Map<string, LocalizedText>> {
  const results = await Promise.all(ids.map((id) => client.query(OrganizationNameQuery, { id }).toPromise()));
  const found = new Map<string, LocalizedText>();
  for (const result of results) {
    const organization = result.data?.organization;
    if (organization) found.set(organization.id, organization.name);
  }
  return found;
}

/** Hands a file to the browser to save. */
export function download(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
