import { Anchor, Button, Card, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../../contracts/common/paging.js';
import { ErrorAlert } from '../../../app/components/ErrorAlert.js';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { api } from '../../../lib/api.js';
import { formatDateTime, formatNumber } from '../../../lib/format.js';
import { useSession } from '../../../lib/session.js';
import { auditListQuery } from '../../audit/audit.api.js';
import { actionLabel, entityLink, entityTypeLabel } from '../../audit/audit.labels.js';
import { openSearch } from '../../search/SearchSpotlight.js';
import { AnchorLink, ButtonLink } from '../../../app/links.js';
import { ScrollTable } from '../../../app/components/ScrollTable.js';

/** Only `total` is read: one row per request keeps the dashboard cheap. */
const countQuery = (path: '/api/organizations' | '/api/people') => ({
  queryKey: ['home', 'count', path] as const,
  queryFn: () => api.get<Page<unknown>>(path, { page: 1, pageSize: 1 }),
});

function StatCard({ label, to, query }: { label: string; to: '/organizations' | '/people'; query: ReturnType<typeof countQuery> }) {
  const { t, i18n } = useTranslation('home');
  const result = useQuery(query);
  return (
    <Card withBorder padding="lg" radius="md">
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      {result.isPending ? (
        <Skeleton h={36} w={80} mt={6} />
      ) : result.isError ? (
        <Text c="dimmed" mt={6}>
          {t('countUnavailable')}
        </Text>
      ) : (
        <Text fz={32} fw={700} lh={1.3}>
          {formatNumber(result.data.total, i18n.language)}
        </Text>
      )}
      <AnchorLink to={to} size="sm" mt="xs">
        {t('openList', { list: label })}
      </AnchorLink>
    </Card>
  );
}

function RecentChanges() {
  const { t, i18n } = useTranslation('home');
  const recent = useQuery(auditListQuery({ page: 1, pageSize: 8 }));
  return (
    <Paper withBorder p="lg" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          {t('recent.title')}
        </Title>
        <AnchorLink to="/audit" size="sm">
          {t('recent.all')}
        </AnchorLink>
      </Group>
      <ErrorAlert error={recent.error} />
      {recent.isPending ? (
        <Stack gap="xs">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={20} />
          ))}
        </Stack>
      ) : recent.data && recent.data.items.length === 0 ? (
        <Text c="dimmed">{t('recent.empty')}</Text>
      ) : recent.data ? (
        <ScrollTable label={t('recent.title')} minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('app:audit.columns.at')}</Table.Th>
                <Table.Th>{t('app:audit.columns.actor')}</Table.Th>
                <Table.Th>{t('app:audit.columns.action')}</Table.Th>
                <Table.Th>{t('app:audit.columns.summary')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recent.data.items.map((entry) => {
                const link = entityLink(entry);
                const what = [entityTypeLabel(t, entry.entityType), entry.summary].filter(Boolean).join(': ');
                return (
                  <Table.Tr key={entry.id}>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(entry.at, i18n.language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{entry.actor?.name ?? t('app:audit.system')}</Table.Td>
                    <Table.Td>{actionLabel(t, entry.action)}</Table.Td>
                    <Table.Td>
                      {link ? (
                        <AnchorLink to={link.to} params={link.params} size="sm">
                          {what}
                        </AnchorLink>
                      ) : (
                        what
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
    </Paper>
  );
}

export default function HomePage() {
  const { t, i18n } = useTranslation('home');
  const { me, can } = useSession();
  usePageTitle(t('title'));
  // dayjs rather than Intl: Chrome has no Georgian date names (see lib/format.ts).
  const today = dayjs()
    .locale(i18n.language === 'en' ? 'en-gb' : i18n.language)
    .format('dddd, D MMMM YYYY');

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('welcome', { name: me.name })}</Title>
        <Text c="dimmed" mt={4}>
          {t('today', { date: today, role: t(`app:roles.${me.role}`) })}
        </Text>
      </div>

      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" maw={720}>
        <StatCard label={t('stats.organizations')} to="/organizations" query={countQuery('/api/organizations')} />
        <StatCard label={t('stats.people')} to="/people" query={countQuery('/api/people')} />
      </SimpleGrid>

      <Paper withBorder p="lg" radius="md">
        <Title order={2} size="h3" mb="sm">
          {t('quick.title')}
        </Title>
        <Group gap="sm">
          <Button variant="default" onClick={openSearch}>
            {t('quick.search')}
          </Button>
          {can('directory.write') && (
            <>
              <ButtonLink to="/organizations/new" variant="light">
                {t('quick.newOrganization')}
              </ButtonLink>
              <ButtonLink to="/people/new" variant="light">
                {t('quick.newPerson')}
              </ButtonLink>
            </>
          )}
          {can('directory.import') && (
            <ButtonLink to="/import" variant="light">
              {t('quick.import')}
            </ButtonLink>
          )}
          {can('users.manage') && (
            <ButtonLink to="/users" variant="light">
              {t('quick.users')}
            </ButtonLink>
          )}
        </Group>
      </Paper>

      {can('audit.read') && <RecentChanges />}
    </Stack>
  );
}
