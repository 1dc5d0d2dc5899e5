import { useEffect, useState } from 'react';
import { Box, Group, Kbd, Loader, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, createSpotlight } from '@mantine/spotlight';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../contracts/search.js';
import { errorMessage } from '../../app/components/ErrorAlert.js';
import { SearchIcon } from '../../app/components/icons.js';
import { searchQuery } from './search.api.js';
import classes from './SearchSpotlight.module.css';

const [searchStore, searchActions] = createSpotlight();

/** Opens the search dialog (the header button; Ctrl+K / ⌘K does the same). */
export const openSearch = () => searchActions.open();

const GROUPS: SearchResult['type'][] = ['organization', 'person', 'interaction'];

/**
 * Where an interaction result leads: it has no page of its own, so its organisation's or
 * person's page, when the server says which (the fields are optional, read defensively).
 */
function interactionTarget(result: SearchResult): { to: '/organizations/$id' | '/people/$id'; id: string } | null {
  const r = result as SearchResult & {
    organizationId?: string | null;
    personId?: string | null;
    organization?: { id?: string } | null;
    person?: { id?: string } | null;
  };
  const orgId = r.organizationId ?? r.organization?.id;
  if (orgId) return { to: '/organizations/$id', id: orgId };
  const personId = r.personId ?? r.person?.id;
  if (personId) return { to: '/people/$id', id: personId };
  return null;
}

export function SearchSpotlight() {
  const { t } = useTranslation('search');
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const search = useQuery({ ...searchQuery(debounced), enabled: debounced.length > 0, placeholderData: keepPreviousData });

  const typed = query.trim().length > 0;
  const results = typed && debounced ? (search.data?.results ?? []) : [];
  const waiting = typed && (debounced !== query.trim() || search.isFetching) && results.length === 0;

  // Mantine highlights the first action when the query changes, but these results arrive later
  // (debounce + request): highlight the first one once shown, so Enter opens it as the footer says.
  useEffect(() => {
    if (!results.length) return;
    const { listId } = searchStore.getState();
    const list = listId ? document.getElementById(listId) : null;
    if (!list || list.querySelector('[data-selected]')) return;
    const first = list.querySelector('[data-action]');
    if (!first) return;
    first.setAttribute('data-selected', 'true');
    searchStore.updateState((state) => ({ ...state, selected: 0 }));
  }, [results]);

  const open = (result: SearchResult) => {
    if (result.type === 'organization') void navigate({ to: '/organizations/$id', params: { id: result.id } });
    else if (result.type === 'person') void navigate({ to: '/people/$id', params: { id: result.id } });
    else {
      const target = interactionTarget(result);
      if (target) void navigate({ to: target.to, params: { id: target.id } });
    }
  };

  let status: string;
  if (!typed) status = '';
  else if (waiting) status = t('searching');
  else if (search.isError) status = errorMessage(search.error, t);
  else status = results.length ? t('count', { count: results.length }) : t('noResults', { query: query.trim() });

  return (
    <Spotlight.Root
      store={searchStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K', 'ctrl + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight="min(60vh, 520px)"
      title={t('dialogLabel')}
      classNames={{ header: classes.hiddenHeader }}
    >
      <Spotlight.Search
        placeholder={t('placeholder')}
        aria-label={t('label')}
        leftSection={<SearchIcon />}
        rightSection={search.isFetching ? <Loader size="xs" aria-hidden="true" /> : null}
      />
      <VisuallyHidden aria-live="polite" role="status">
        {status}
      </VisuallyHidden>
      {/* ActionsList passes extra props to its ScrollArea (its types do not say so): the
          scrolling viewport must be focusable for keyboard users (WCAG 2.1.1). */}
      <Spotlight.ActionsList {...({ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t('resultsLabel') } } as object)}>
        {GROUPS.map((type) => {
          const items = results.filter((r) => r.type === type);
          if (!items.length) return null;
          return (
            <Spotlight.ActionsGroup key={type} label={t(`types.${type}`)}>
              {items.map((result) => {
                const target = result.type === 'interaction' ? interactionTarget(result) : null;
                if (result.type === 'interaction' && !target) {
                  return (
                    <Box key={result.id} className={classes.passive}>
                      <Text size="sm" fw={500}>
                        {result.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {[result.subtitle, t('interactionNoPage')].filter(Boolean).join(' · ')}
                      </Text>
                    </Box>
                  );
                }
                return (
                  <Spotlight.Action
                    key={`${result.type}:${result.id}`}
                    label={result.title}
                    description={
                      result.type === 'interaction'
                        ? [result.subtitle, target?.to === '/people/$id' ? t('opensPerson') : t('opensOrganization')].filter(Boolean).join(' · ')
                        : result.subtitle || undefined
                    }
                    onClick={() => open(result)}
                  />
                );
              })}
            </Spotlight.ActionsGroup>
          );
        })}

        {!typed && <Spotlight.Empty>{t('empty')}</Spotlight.Empty>}
        {waiting && <Spotlight.Empty>{t('searching')}</Spotlight.Empty>}
        {typed && !waiting && search.isError && <Spotlight.Empty>{errorMessage(search.error, t)}</Spotlight.Empty>}
        {typed && !waiting && !search.isError && debounced && search.isSuccess && results.length === 0 && (
          <Spotlight.Empty>{t('noResults', { query: query.trim() })}</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Group gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('hintMove')} · <Kbd size="xs">Enter</Kbd> {t('hintOpen')} ·{' '}
            <Kbd size="xs">Esc</Kbd> {t('hintClose')}
          </Text>
        </Group>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
