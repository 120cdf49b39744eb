import { Anchor, Badge, Button, Center, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { localized } from '../app/localized';
import { QueryState } from '../app/QueryState';
import { useViewer } from '../app/viewer';
import { formatDate } from '../format/dates';
import { formatMoney } from '../format/money';
import type { ResultOf } from '../graphql/graphql';
import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { OrganizationPicker, type PickedOrganization } from '../organizations/OrganizationPicker';
import { LaunchProgramForm } from './LaunchProgramForm';
import { PROGRAM_STATUSES, type ProgramStatus } from './ProgramActions';
import { ProgramsQuery } from './programs.operations';

type Edge = ResultOf<typeof ProgramsQuery>['programs']['edges'][number];
/** A page of programs; "show more" appends the next one by its cursor. */
export const PAGE_SIZE = 20;

/** Programs: search in Thai or English (the api forgives tone marks), filter by status and partner; launch one. */
export function ProgramsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const viewer = useViewer();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ProgramStatus | null>(null);
  const [partner, setPartner] = useState<PickedOrganization | null>(null);
  const [launching, setLaunching] = useState(false);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const filter = { search: debounced || undefined, status: status ?? undefined, partnerId: partner?.id };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('programs.list.title')}</Title>
        {viewer.may('Mutation.launchProgram') && <Button onClick={() => setLaunching(true)}>{t('programs.list.launch')}</Button>}
      </Group>
      <Group align="end">
        <TextInput label={t('programs.list.search')} placeholder={t('programs.list.searchPlaceholder')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={360} maw="100%" />
        <Select
          label={t('common.status')}
          placeholder={t('common.all')}
          clearable
          value={status}
          onChange={(value) => setStatus(PROGRAM_STATUSES.find((s) => s === value) ?? null)}
          data={PROGRAM_STATUSES.map((value) => ({ value, label: t(`programStatus.${value}`) }))}
        />
        <OrganizationPicker label={t('programs.list.partner')} value={partner} onChange={setPartner} />
      </Group>
      <ProgramsTable filter={filter} language={language} />
      {launching && <LaunchProgramForm onClose={() => setLaunching(false)} />}
    </Stack>
  );
}

type Filter = { search?: string; status?: ProgramStatus; partnerId?: string };

/**
 * The programs matching the filter, page after page: the rows already shown stay where they are
 * while the next page loads and are followed by it (no jump back to the top, no row lost). A new
 * filter starts again from the first page.
 */
function ProgramsTable({ filter, language }: { filter: Filter; language: Language }) {
  const { t } = useTranslation();
  const filterKey = JSON.stringify(filter);
  const [paging, setPaging] = useState<{ filterKey: string; earlier: Edge[]; after?: string }>({ filterKey, earlier: [] });
  // A new filter: back to its first page (state adjusted while rendering, as React recommends).
  if (paging.filterKey !== filterKey) setPaging({ filterKey, earlier: [] });
  const variables = { filter, first: PAGE_SIZE, after: paging.after };
  const [result, reexecute] = useQuery({ query: ProgramsQuery, variables });
  // urql keeps the previous answer while the next is fetched: take it for the page asked for
  // only, except on a first page, where the previous search's rows stay until the new ones come.
  const answered = result.operation && JSON.stringify(result.operation.variables) === JSON.stringify(variables);
  const page = answered || (paging.after === undefined && paging.earlier.length === 0) ? result.data?.programs : undefined;
  const rows = [...paging.earlier, ...(page?.edges ?? [])];
  const showMore = () => {
    if (page?.pageInfo.endCursor) setPaging({ filterKey, earlier: rows, after: page.pageInfo.endCursor });
  };
  return (
    <QueryState fetching={result.fetching} error={result.error} hasData={rows.length > 0 || page !== undefined} retry={() => reexecute({ requestPolicy: 'network-only' })}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {page || paging.earlier.length > 0 ? t('programs.list.count', { count: page?.totalCount ?? rows.length }) : ''}
      </Text>
      {rows.length === 0 && page ? (
        <Text>{t('programs.list.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programs.list.columns.title')}</Table.Th>
                <Table.Th>{t('programs.list.columns.status')}</Table.Th>
                <Table.Th>{t('programs.list.columns.leads')}</Table.Th>
                <Table.Th>{t('programs.list.columns.startedOn')}</Table.Th>
                <Table.Th>{t('programs.list.columns.revenue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/programs/${node.id}`}>
                      {localized(node.title, language)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`programStatus.${node.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {node.partners
                      .filter((partner) => partner.role === 'LEAD')
                      .map((partner) => localized(partner.organization.name, language))
                      .join(', ') || t('common.none')}
                  </Table.Td>
                  <Table.Td>{node.startedOn ? formatDate(node.startedOn, language) : t('common.none')}</Table.Td>
                  <Table.Td>
                    {node.totals
                      .filter((total) => total.kind === 'REVENUE' && total.amount != null)
                      .map((total) => formatMoney(total.amount ?? '', total.currency, language))
                      .join(' · ') || t('common.none')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!page && rows.length > 0 && (
        <Center>
          <Loader size="sm" aria-label={t('app.loading')} />
        </Center>
      )}
      {page?.pageInfo.hasNextPage && (
        <Center>
          <Button variant="default" onClick={showMore}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </QueryState>
  );
}
