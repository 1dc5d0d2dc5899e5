import { Badge, Button, Group, Stack, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../../contracts/visits';
import { RequirePermission } from '../../../app/components/RequirePermission';
import { api } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { ConfidentialBadge } from '../../../ui/ConfidentialBadge';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { HistoryList } from '../../../ui/HistoryList';
import { IconAlert, IconEdit, IconTrash } from '../../../ui/icons';
import { ButtonLink } from '../../../ui/links';
import { notifySuccess } from '../../../ui/notify';
import { BackLink, PageHeader, PageStatus } from '../../../ui/Page';
import { useUrlState } from '../../../ui/useUrlState';
import { DocumentsTab } from '../components/DocumentsTab';
import { GiftsTab } from '../components/GiftsTab';
import { LogisticsTab } from '../components/LogisticsTab';
import { OverviewTab } from '../components/OverviewTab';
import { ParticipantsTab } from '../components/ParticipantsTab';
import { ProgrammeTab } from '../components/ProgrammeTab';
import { SharingTab } from '../components/SharingTab';
import { StatusBadge } from '../components/StatusBadge';
import { TripTab } from '../components/TripTab';
import { visitKeys, useVisit } from '../visits.api';
import { dateRange, useVisitFieldText, visitTitle } from '../visits.labels';

export default function VisitPage() {
  return (
    <RequirePermission permission="visits.read">
      <VisitLoader />
    </RequirePermission>
  );
}

function VisitLoader() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const query = useVisit(id);
  if (!query.data) return <PageStatus error={query.error} onRetry={() => void query.refetch()} />;
  return <VisitView visit={query.data} />;
}

/** A number on a tab that needs attention: an icon and the count, in red (never colour alone). */
function AlertCount({ count }: { count: number }) {
  return (
    <Badge size="sm" color="red" variant="light" leftSection={<IconAlert size={12} />} aria-hidden="true">
      {count}
    </Badge>
  );
}

const TABS = ['overview', 'participants', 'programme', 'logistics', 'gifts', 'trip', 'documents', 'sharing', 'history'] as const;

function VisitView({ visit }: { visit: Visit }) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const fieldText = useVisitFieldText(visit.programme, visit.participants);
  const [deleting, setDeleting] = useState(false);
  const [{ tab: rawTab }, setTab] = useUrlState({ tab: 'overview' });
  const outgoing = visit.direction === 'outgoing';
  const tabs = TABS.filter((tab) => tab !== 'trip' || outgoing);
  const tab = (tabs as readonly string[]).includes(rawTab) ? rawTab : 'overview';
  const name = visitTitle(visit, lang);
  const canWrite = can('visits.write') && visit.abilities.update;
  const overdue = visit.tasks.filter((task) => task.overdue).length;
  const warnings = visit.passportWarnings?.length ?? 0;
  const count = (n: number) => (n ? ` (${formatNumber(n, lang)})` : '');

  const remove = async () => {
    await api.delete(`/api/visits/${visit.id}`, { version: visit.version });
    setDeleting(false);
    queryClient.removeQueries({ queryKey: visitKeys.detail(visit.id) });
    await queryClient.invalidateQueries({ queryKey: visitKeys.all });
    notifySuccess(t('detail.deleted', { name }));
    await navigate({ to: '/visits' });
  };

  return (
    <Stack gap="lg">
      <PageHeader
        before={<BackLink to="/visits">{t('list.title')}</BackLink>}
        title={name}
        after={
          <Group gap="xs" wrap="wrap">
            <StatusBadge status={visit.status} size="md" />
            <Badge size="md" variant="outline" color="gray.8" tt="none">
              {t(`directions.${visit.direction}`)}
            </Badge>
            <Text size="sm" fw={500}>
              {dateRange(visit.startDate, visit.endDate, lang)}
            </Text>
            {visit.confidential && <ConfidentialBadge />}
          </Group>
        }
        actions={
          <>
            {canWrite && (
              <ButtonLink to="/visits/$id/edit" params={{ id: visit.id }} leftSection={<IconEdit />} data-testid="edit">
                {t('detail.edit')}
              </ButtonLink>
            )}
            {can('visits.delete') && visit.abilities.delete && (
              <Button variant="outline" color="red.9" leftSection={<IconTrash />} onClick={() => setDeleting(true)} data-testid="delete">
                {t('detail.delete')}
              </Button>
            )}
          </>
        }
      />

      <Tabs value={tab} onChange={(value) => setTab({ tab: value ?? 'overview' })} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          <Tabs.Tab value="overview">{t('tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="participants">{t('tabs.participants') + count(visit.participants.length)}</Tabs.Tab>
          <Tabs.Tab value="programme">{t('tabs.programme') + count(visit.programme.length)}</Tabs.Tab>
          <Tabs.Tab value="logistics" rightSection={overdue ? <AlertCount count={overdue} /> : undefined}>
            {t('tabs.logistics')}
            {overdue > 0 && <VisuallyHidden>{` (${t('tasks.overdueCount', { count: overdue })})`}</VisuallyHidden>}
          </Tabs.Tab>
          <Tabs.Tab value="gifts">{t('tabs.gifts') + count(visit.gifts.length)}</Tabs.Tab>
          {outgoing && (
            <Tabs.Tab value="trip" rightSection={warnings ? <AlertCount count={warnings} /> : undefined}>
              {t('tabs.trip')}
              {warnings > 0 && <VisuallyHidden>{` (${t('passports.warningCount', { count: warnings })})`}</VisuallyHidden>}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="documents">{t('tabs.documents')}</Tabs.Tab>
          <Tabs.Tab value="sharing">{t('tabs.sharing')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('tabs.history')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="overview" pt="md">
          <OverviewTab visit={visit} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="participants" pt="md">
          <ParticipantsTab visit={visit} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="programme" pt="md">
          <ProgrammeTab visit={visit} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="logistics" pt="md">
          <LogisticsTab visit={visit} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="gifts" pt="md">
          <GiftsTab visit={visit} canWrite={canWrite} />
        </Tabs.Panel>
        {outgoing && (
          <Tabs.Panel value="trip" pt="md">
            <TripTab visit={visit} canWrite={canWrite} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="documents" pt="md">
          <DocumentsTab visit={visit} />
        </Tabs.Panel>
        <Tabs.Panel value="sharing" pt="md">
          <SharingTab visit={visit} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <Title order={2} fz="lg" mb="sm">
            {t('detail.historyTitle')}
          </Title>
          <HistoryList resource="visits" id={visit.id} fieldLabel={fieldText.fieldLabel} formatValue={fieldText.formatValue} entryLabel={fieldText.entryLabel} />
        </Tabs.Panel>
      </Tabs>

      <ConfirmDelete
        opened={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={remove}
        name={name}
        what={t(`detail.what.${outgoing ? 'trip' : 'visit'}`)}
        consequences={t('detail.deleteConsequences')}
      />
    </Stack>
  );
}
