import { Combobox, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { localized } from '../app/localized';
import { formatDate } from '../format/dates';
import { currentLanguage } from '../i18n/i18n';
import { GlobalSearchQuery } from './search.operations';

const EACH = 5;

/**
 * The header's search box: what is typed (Thai or English; the API forgives tone marks) is asked
 * of programs, organisations and activities together, and the matches come grouped by kind.
 * Choosing one, by mouse or keyboard, opens its page. A Mantine Combobox, so the keyboard and a
 * screen reader work as in every other picker of the app.
 */
export function GlobalSearch() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [result] = useQuery({ query: GlobalSearchQuery, variables: { search: debounced, first: EACH }, pause: debounced === '' });
  const data = debounced ? result.data : undefined;
  const groups = data
    ? [
        { key: 'programs', label: t('search.programs'), items: data.programs.edges.map(({ node }) => ({ path: `/programs/${node.id}`, label: localized(node.title, language), detail: null })) },
        {
          key: 'organizations',
          label: t('search.organizations'),
          items: data.organizations.edges.map(({ node }) => ({ path: `/organizations/${node.id}`, label: localized(node.name, language), detail: null })),
        },
        {
          key: 'activities',
          label: t('search.activities'),
          items: data.activities.edges.map(({ node }) => ({ path: `/activities/${node.id}`, label: localized(node.title, language), detail: formatDate(node.startsOn, language) })),
        },
      ].filter((group) => group.items.length > 0)
    : [];

  return (
    <Combobox
      store={combobox}
      width={420}
      position="bottom-start"
      onOptionSubmit={(path) => {
        setSearch('');
        combobox.closeDropdown();
        void navigate(path);
      }}
    >
      <Combobox.Target>
        <TextInput
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={result.fetching && debounced ? <Loader size={14} aria-label={t('search.searching')} /> : null}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          w={{ base: 160, sm: 280 }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={debounced === '' || !data}>
        <Combobox.Options>
          {groups.length === 0 ? (
            <Combobox.Empty>{t('search.nothing', { search: debounced })}</Combobox.Empty>
          ) : (
            groups.map((group) => (
              <Combobox.Group key={group.key} label={group.label}>
                {group.items.map((item) => (
                  <Combobox.Option key={item.path} value={item.path}>
                    <Text size="sm">{item.label}</Text>
                    {item.detail && (
                      <Text size="xs" c="dimmed">
                        {item.detail}
                      </Text>
                    )}
                  </Combobox.Option>
                ))}
              </Combobox.Group>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
