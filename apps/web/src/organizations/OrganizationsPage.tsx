import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { localized } from '../app/localized';
import { QueryState } from '../app/QueryState';
import type { VariablesOf } from '../graphql/graphql';
import { currentLanguage } from '../i18n/i18n';
import { asOrganizationKind, ORGANIZATION_KINDS, type OrganizationKind } from './kinds';
import { OrganizationsQuery } from './organizations.operations';

const PAGE = 50;
type Filter = NonNullable<VariablesOf<typeof OrganizationsQuery>['filter']>;

/**
 * Organisations: search in Thai or English (the API forgives tone marks), filter by kind, a page
 * at a time with "show more" (cursor paging: pages already shown stay where they are).
 */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<OrganizationKind | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const filter: Filter = { search: debounced || undefined, kind: kind ?? undefined };
  const key = JSON.stringify(filter);
  // The cursor of each page shown (null: the first); a new search starts from the first again.
  const [pages, setPages] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  const cursors = pages.key === key ? pages.cursors : [null];
  return (
    <Stack>
      <Title order={1}>{t('organizations.list.title')}</Title>
      <Group align="end">
        <TextInput label={t('common.search')} placeholder={t('organizations.list.searchPlaceholder')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={360} maw="100%" />
        <Select
          label={t('organizations.list.kind')}
          placeholder={t('common.all')}
          clearable
          value={kind}
          onChange={(value) => setKind(asOrganizationKind(value))}
          data={ORGANIZATION_KINDS.map((value) => ({ value, label: t(`organizations.kind.${value}`) }))}
        />
      </Group>
      <Table.ScrollContainer minWidth={600}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('organizations.list.columns.name')}</Table.Th>
              <Table.Th>{t('organizations.list.columns.kind')}</Table.Th>
              <Table.Th>{t('organizations.list.columns.country')}</Table.Th>
              <Table.Th>{t('organizations.list.columns.parent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cursors.map((after, index) => (
              <OrganizationRows key={after ?? 'first'} filter={filter} after={after} last={index === cursors.length - 1} onMore={(cursor) => setPages({ key, cursors: [...cursors, cursor] })} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function OrganizationRows({ filter, after, last, onMore }: { filter: Filter; after: string | null; last: boolean; onMore(cursor: string): void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [result, retry] = useQuery({ query: OrganizationsQuery, variables: { filter, first: PAGE, after: after ?? undefined } });
  const page = result.data?.organizations;
  const endCursor = page?.pageInfo.endCursor;
  return (
    <>
      {!page ? (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <QueryState fetching={result.fetching} error={result.error} hasData={false} retry={() => retry({ requestPolicy: 'network-only' })}>
              {null}
            </QueryState>
          </Table.Td>
        </Table.Tr>
      ) : (
        after === null && (
          <Table.Tr>
            <Table.Td colSpan={4}>
              <Text size="sm" c="dimmed" aria-live="polite">
                {page.totalCount === 0 ? t('organizations.list.empty') : t('organizations.list.count', { count: page.totalCount })}
              </Text>
            </Table.Td>
          </Table.Tr>
        )
      )}
      {page?.edges.map(({ node }) => (
        <Table.Tr key={node.id}>
          <Table.Td>
            <Anchor component={Link} to={`/organizations/${node.id}`}>
              {localized(node.name, language)}
            </Anchor>
          </Table.Td>
          <Table.Td>{t(`organizations.kind.${node.kind}`)}</Table.Td>
          <Table.Td>{node.country ?? t('common.none')}</Table.Td>
          <Table.Td>{node.parent ? localized(node.parent.name, language) : t('common.none')}</Table.Td>
        </Table.Tr>
      ))}
      {last && page?.pageInfo.hasNextPage && endCursor && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <Button variant="light" onClick={() => onMore(endCursor)}>
              {t('common.loadMore')}
            </Button>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
