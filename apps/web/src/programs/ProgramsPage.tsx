import { Anchor, Badge, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { localized } from '../app/localized';
import { QueryState } from '../app/QueryState';
import { formatDate } from '../format/dates';
import { currentLanguage } from '../i18n/i18n';
import { ProgramsQuery } from './programs.operations';

const STATUSES = ['PROPOSED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED'] as const;
type Status = (typeof STATUSES)[number];
// The first hundred, the api's page limit; paging by cursor comes with more programs than that.
const FIRST = 100;

/** Programs: search in Thai or English (the api forgives tone marks), filter by status. */
export function ProgramsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [result, retry] = useQuery({
    query: ProgramsQuery,
    variables: { filter: { search: debounced || undefined, status: status ?? undefined }, first: FIRST },
  });
  const programs = result.data?.programs;
  return (
    <Stack>
      <Title order={1}>{t('programs.list.title')}</Title>
      <Group align="end">
        <TextInput label={t('common.search')} placeholder={t('programs.list.searchPlaceholder')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={360} maw="100%" />
        <Select
          label={t('common.status')}
          placeholder={t('common.all')}
          clearable
          value={status}
          onChange={(value) => setStatus(STATUSES.find((s) => s === value) ?? null)}
          data={STATUSES.map((value) => ({ value, label: t(`programStatus.${value}`) }))}
        />
      </Group>
      <QueryState fetching={result.fetching} error={result.error} hasData={programs !== undefined} retry={() => retry({ requestPolicy: 'network-only' })}>
        {programs && (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('programs.list.count', { count: programs.totalCount })}
            </Text>
            {programs.edges.length === 0 ? (
              <Text>{t('programs.list.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={600}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('programs.list.columns.title')}</Table.Th>
                      <Table.Th>{t('programs.list.columns.status')}</Table.Th>
                      <Table.Th>{t('programs.list.columns.leads')}</Table.Th>
                      <Table.Th>{t('programs.list.columns.startedOn')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {programs.edges.map(({ node }) => (
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
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
