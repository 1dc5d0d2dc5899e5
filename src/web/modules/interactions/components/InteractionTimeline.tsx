import { ActionIcon, Badge, Button, Group, Modal, Paper, Stack, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interaction } from '../../../../contracts/interactions';
import { api } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { IconEdit, IconPlus, IconTrash } from '../../../ui/icons';
import { interactionKeys, useTimeline, type TimelineOwner } from '../interactions.api';
import { InteractionForm } from './InteractionForm';
import { AnchorLink } from '../../../ui/links';
import { notifySuccess } from '../../../ui/notify';

const KIND_COLOURS: Record<string, string> = { meeting: 'legato', letter: 'teal', email: 'cyan', call: 'grape', visit: 'orange' };
const PAGE = 20;

export interface InteractionTimelineProps {
  organizationId?: string;
  personId?: string;
  /** On an organisation's page: its people, to name whom an entry involved. */
  people?: { value: string; label: string }[];
  /** On a person's page: their organisation, to show new entries on its timeline too. */
  personOrganization?: { id: string; label: string } | null;
  /** Heading level of "Timeline" on the page (2 by default). */
  headingOrder?: 2 | 3;
}

/** The timeline of every interaction with an organisation or a person, with add, edit and delete. */
export function InteractionTimeline(props: InteractionTimelineProps) {
  const { t, i18n } = useTranslation('interactions');
  const { can } = useSession();
  const queryClient = useQueryClient();
  const owner: TimelineOwner = props.organizationId ? { organizationId: props.organizationId } : { personId: props.personId };
  const [pageSize, setPageSize] = useState(PAGE);
  const timeline = useTimeline(owner, pageSize);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Interaction | null>(null);
  const [deleting, setDeleting] = useState<Interaction | null>(null);
  const canWrite = can('directory.write');
  const level = props.headingOrder ?? 2;
  const subHeading = `h${level + 1}` as 'h3' | 'h4';

  const refresh = () => queryClient.invalidateQueries({ queryKey: interactionKeys.all });
  const items = timeline.data?.items ?? [];
  const total = timeline.data?.total ?? 0;

  return (
    <Stack gap="md" data-testid="timeline">
      <Group justify="space-between">
        <Title order={level} fz="lg">
          {t('timeline.title')}
        </Title>
        {canWrite && !adding && (
          <Button size="sm" leftSection={<IconPlus />} onClick={() => setAdding(true)} data-testid="add-interaction">
            {t('timeline.add')}
          </Button>
        )}
      </Group>
      {adding && (
        <Paper withBorder p="md" radius="md">
          <Title order={(level + 1) as 3 | 4} fz="md" mb="sm">
            {t('form.addTitle')}
          </Title>
          <InteractionForm
            interaction={null}
            organizationId={props.organizationId}
            personId={props.personId}
            people={props.people}
            personOrganization={props.personOrganization}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              notifySuccess(t('timeline.added'));
              void refresh();
            }}
          />
        </Paper>
      )}
      <ErrorNotice error={timeline.error} />
      {timeline.isPending ? (
        <Text>{t('timeline.loading')}</Text>
      ) : items.length === 0 ? (
        <Text>{t('timeline.empty')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={items.length}>
          {items.map((i) => (
            <Timeline.Item
              key={i.id}
              color={KIND_COLOURS[i.kind]}
              title={
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Text fw={600} component={subHeading} fz="md" m={0} style={{ overflowWrap: 'anywhere' }}>
                    {i.subject}
                  </Text>
                  {canWrite && (
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('timeline.edit')}>
                        <ActionIcon variant="subtle" color="gray.8" onClick={() => setEditing(i)} aria-label={t('timeline.editEntry', { subject: i.subject })}>
                          <IconEdit />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('timeline.delete')}>
                        <ActionIcon variant="subtle" color="red.9" c="red.9" onClick={() => setDeleting(i)} aria-label={t('timeline.deleteEntry', { subject: i.subject })}>
                          <IconTrash />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  )}
                </Group>
              }
            >
              <Stack gap={4}>
                <Group gap="xs">
                  <Badge size="sm" variant="light" color={KIND_COLOURS[i.kind]} tt="none">
                    {t(`kinds.${i.kind}`)}
                  </Badge>
                  <Text size="sm">
                    <time dateTime={i.occurredAt}>{formatDateTime(i.occurredAt, i18n.language)}</time>
                  </Text>
                  {props.organizationId && i.person && (
                    <Text size="sm">
                      {t('timeline.with')}{' '}
                      <AnchorLink to="/people/$id" params={{ id: i.person.id }}>
                        {i.person.label}
                      </AnchorLink>
                    </Text>
                  )}
                  {props.personId && i.organization && (
                    <Text size="sm">
                      <AnchorLink to="/organizations/$id" params={{ id: i.organization.id }}>
                        {i.organization.label}
                      </AnchorLink>
                    </Text>
                  )}
                </Group>
                {i.notes && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {i.notes}
                  </Text>
                )}
                {i.createdBy && (
                  <Text size="xs" c="dimmed">
                    {t('timeline.recordedBy', { name: i.createdBy.name })}
                  </Text>
                )}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {total > items.length && (
        <Button variant="default" onClick={() => setPageSize((s) => s + PAGE)} loading={timeline.isFetching} style={{ alignSelf: 'flex-start' }}>
          {t('timeline.more', { count: total - items.length })}
        </Button>
      )}

      <Modal opened={!!editing} onClose={() => setEditing(null)} title={t('form.editTitle')} size="lg" closeButtonProps={{ 'aria-label': t('form.close') }}>
        {editing && (
          <InteractionForm
            interaction={editing}
            organizationId={props.organizationId}
            personId={props.personId}
            people={props.people}
            personOrganization={props.personOrganization}
            onCancel={() => setEditing(null)}
            onDone={() => {
              setEditing(null);
              notifySuccess(t('timeline.saved'));
              void refresh();
            }}
          />
        )}
      </Modal>
      <ConfirmDelete
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        name={deleting?.subject ?? ''}
        what={t('timeline.what')}
        onConfirm={async () => {
          if (!deleting) return;
          await api.delete(`/api/interactions/${deleting.id}`, { version: deleting.version });
          setDeleting(null);
          notifySuccess(t('timeline.deleted'));
          await refresh();
        }}
      />
    </Stack>
  );
}
