import { Alert, Button, CopyButton, Group, List, Modal, SegmentedControl, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedFeed } from '../../../../contracts/calendar';
import { formatDateTime } from '../../../lib/format';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { PersonSelect } from '../../people/components/PersonSelect';
import { useCreateFeed, useFeeds, useRevokeFeed } from '../calendar.api';

/**
 * Creates a private iCalendar feed (your calendar, or one official's agenda) and shows its URL
 * once, with how to subscribe in Outlook, Google Calendar and Apple Calendar; lists and revokes
 * the feeds you have.
 */
export function SubscribeModal({ opened, onClose, personId }: { opened: boolean; onClose: () => void; personId: string | null }) {
  const { t, i18n } = useTranslation('calendar');
  const [scope, setScope] = useState<'me' | 'person'>(personId ? 'person' : 'me');
  const [person, setPerson] = useState<string | null>(personId);
  const [created, setCreated] = useState<CreatedFeed | null>(null);
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const feeds = useFeeds(opened);

  const close = () => {
    setCreated(null);
    create.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('subscribe.title')} size="lg" closeButtonProps={{ 'aria-label': t('app:actions.close') }}>
      <Stack gap="md">
        {created ? (
          <>
            <Alert color="blue" title={t('subscribe.createdTitle')}>
              {t('subscribe.createdText')}
            </Alert>
            <Group align="flex-end" wrap="nowrap">
              <TextInput label={t('subscribe.url')} value={created.url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={created.url}>{({ copied, copy }) => <Button onClick={copy} variant={copied ? 'light' : 'filled'}>{copied ? t('subscribe.copied') : t('subscribe.copy')}</Button>}</CopyButton>
            </Group>
            <Title order={3} fz="md">
              {t('subscribe.howTitle')}
            </Title>
            <List spacing="xs" size="sm">
              <List.Item>
                <strong>Outlook:</strong> {t('subscribe.outlook')}
              </List.Item>
              <List.Item>
                <strong>Google Calendar:</strong> {t('subscribe.google')}
              </List.Item>
              <List.Item>
                <strong>Apple Calendar:</strong> {t('subscribe.apple')}
              </List.Item>
            </List>
            <Text size="sm">{t('subscribe.privacy')}</Text>
            <Group justify="flex-end">
              <Button onClick={close}>{t('subscribe.done')}</Button>
            </Group>
          </>
        ) : (
          <>
            <Text size="sm">{t('subscribe.intro')}</Text>
            <Stack gap={2}>
              <Text size="sm" fw={500} id="feed-scope">
                {t('subscribe.scope')}
              </Text>
              <SegmentedControl
                aria-labelledby="feed-scope"
                value={scope}
                onChange={(v) => setScope(v as 'me' | 'person')}
                data={[
                  { value: 'me', label: t('subscribe.scopes.me') },
                  { value: 'person', label: t('subscribe.scopes.person') },
                ]}
              />
            </Stack>
            {scope === 'person' && <PersonSelect label={t('filters.person')} value={person} onChange={(id) => setPerson(id)} required />}
            <ErrorNotice error={create.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('subscribe.cancel')}
              </Button>
              <Button
                loading={create.isPending}
                disabled={scope === 'person' && !person}
                onClick={() => create.mutate({ scope, personId: scope === 'person' ? person : null }, { onSuccess: (feed) => setCreated(feed) })}
              >
                {t('subscribe.create')}
              </Button>
            </Group>
          </>
        )}
        {(feeds.data?.items.length ?? 0) > 0 && (
          <Stack gap="xs">
            <Title order={3} fz="md">
              {t('subscribe.existing')}
            </Title>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('subscribe.scope')}</Table.Th>
                  <Table.Th>{t('subscribe.createdAt')}</Table.Th>
                  <Table.Th>{t('subscribe.lastUsed')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('subscribe.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {feeds.data!.items.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>{f.person ? f.person.name : t('subscribe.scopes.me')}</Table.Td>
                    <Table.Td>{formatDateTime(f.createdAt, i18n.language)}</Table.Td>
                    <Table.Td>{f.lastUsedAt ? formatDateTime(f.lastUsedAt, i18n.language) : t('subscribe.never')}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="subtle" color="red" loading={revoke.isPending && revoke.variables === f.id} onClick={() => revoke.mutate(f.id)} aria-label={t('subscribe.revokeOne', { name: f.person?.name ?? t('subscribe.scopes.me') })}>
                        {t('subscribe.revoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <ErrorNotice error={revoke.error} />
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
