import { Alert, Badge, Button, CopyButton, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, todayIn, zonedInstant } from '../../../../contracts/common/dates';
import type { ShareLink, Visit } from '../../../../contracts/visits';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { ApiError } from '../../../lib/api';
import { formatDate, formatDateTime } from '../../../lib/format';
import { IconExternal } from '../../../ui/icons';
import { languageInText, languageName } from '../../../ui/languages';
import { notifySuccess } from '../../../ui/notify';
import { createShareLink, revokeShareLink, useRefreshVisit } from '../visits.api';
import { EmptyNote } from './RecordParts';

/** The end of a calendar day where the visit happens (the guests' day), as an instant. */
const endOfDay = (date: string, timeZone: string): string => new Date(zonedInstant(`${date}T23:59`, timeZone)).toISOString();

function LinkState({ link }: { link: ShareLink }) {
  const { t } = useTranslation('visits');
  if (link.revokedAt) return <Badge color="gray.8" variant="outline" tt="none">{t('sharing.revoked')}</Badge>;
  if (!link.active) return <Badge color="orange" variant="light" tt="none">{t('sharing.expired')}</Badge>;
  return <Badge color="green" variant="light" tt="none">{t('sharing.active')}</Badge>;
}

/** Read-only links to the programme for the guests: created with a language and an end date, revocable. */
export function SharingTab({ visit, canWrite }: { visit: Visit; canWrite: boolean }) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const refresh = useRefreshVisit(visit.id);
  const guestLanguage = visit.guestLanguages[0] ?? 'en';
  const [language, setLanguage] = useState<string>(guestLanguage);
  const today = todayIn(visit.timeZone);
  const [until, setUntil] = useState(() => {
    const end = addDays(visit.endDate, 7);
    return end > today ? end : addDays(today, 7);
  });
  const latest = addDays(today, 365);
  const [created, setCreated] = useState<{ url: string; language: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [revoking, setRevoking] = useState<ShareLink | null>(null);
  const [revokeBusy, setRevokeBusy] = useState(false);
  const languages = [...new Set([...visit.guestLanguages, 'bg', 'ka', 'en'])].map((c) => ({ value: c, label: languageName(c, lang) }));
  const links = [...visit.shareLinks].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const create = async () => {
    setSaving(true);
    setError(null);
    try {
      const link = await createShareLink(visit.id, { language, expiresAt: endOfDay(until, visit.timeZone) });
      // The server builds the address (LEGATO_PUBLIC_URL behind a proxy), as guests will open it.
      setCreated({ url: link.url, language: link.language, expiresAt: link.expiresAt });
      await refresh();
    } catch (e) {
      if (e instanceof ApiError) setError(e.fieldErrors().expiresAt ?? e.fieldErrors().language ?? e.message);
      else setError(t('form.unexpected'));
    } finally {
      setSaving(false);
    }
  };

  const revoke = async () => {
    if (!revoking) return;
    setRevokeBusy(true);
    try {
      await revokeShareLink(revoking.id);
      setRevoking(null);
      await refresh();
      notifySuccess(t('sharing.revokedMessage'));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('form.unexpected'));
    } finally {
      setRevokeBusy(false);
    }
  };

  return (
    <Stack gap="lg">
      {canWrite && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="share-new">
          <Title order={2} fz="lg" mb="xs" id="share-new">
            {t('sharing.newTitle')}
          </Title>
          <Text size="sm" mb="sm">
            {t('sharing.intro')}
          </Text>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select label={t('sharing.language')} data={languages} value={language} allowDeselect={false} searchable onChange={(v) => v && setLanguage(v)} w={220} data-testid="share-language" />
              <TextInput type="date" label={t('sharing.until')} value={until} min={today} max={latest} onChange={(e) => setUntil(e.currentTarget.value)} w={200} error={error ?? undefined} />
              <Button type="submit" loading={saving} disabled={!until} data-testid="create-share-link">
                {t('sharing.create')}
              </Button>
            </Group>
          </form>
          {created && (
            <Alert color="green" variant="light" mt="md" title={t('sharing.createdTitle')} role="status" data-testid="share-created" withCloseButton closeButtonLabel={t('form.dismiss')} onClose={() => setCreated(null)}>
              <Stack gap="xs">
                <Text size="sm">{t('sharing.createdBody', { language: languageInText(created.language, lang), date: formatDateTime(created.expiresAt, lang) })}</Text>
                <Group gap="xs" wrap="nowrap" align="flex-end">
                  <TextInput label={t('sharing.url')} value={created.url} readOnly onFocus={(e) => e.currentTarget.select()} style={{ flex: 1 }} data-testid="share-url" />
                  <CopyButton value={created.url}>
                    {({ copied, copy }) => (
                      <Button variant={copied ? 'filled' : 'default'} color={copied ? 'green.9' : undefined} onClick={copy}>
                        {copied ? t('sharing.copied') : t('sharing.copy')}
                      </Button>
                    )}
                  </CopyButton>
                  <Button component="a" href={created.url} target="_blank" rel="noopener noreferrer" variant="subtle" rightSection={<IconExternal size={14} />}>
                    {t('sharing.open')}
                    <VisuallyHidden>{` (${t('sharing.newTab')})`}</VisuallyHidden>
                  </Button>
                </Group>
                <Text size="sm" fw={600}>
                  {t('sharing.onlyOnce')}
                </Text>
              </Stack>
            </Alert>
          )}
        </Paper>
      )}

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="share-links">
        <Title order={2} fz="lg" mb="sm" id="share-links">
          {t('sharing.linksTitle')}
        </Title>
        {links.length === 0 ? (
          <EmptyNote>{t('sharing.empty')}</EmptyNote>
        ) : (
          <ScrollTable label={t('sharing.linksTitle')} minWidth={680}>
            <Table verticalSpacing="xs" data-testid="share-links">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sharing.language')}</Table.Th>
                  <Table.Th>{t('sharing.state')}</Table.Th>
                  <Table.Th>{t('sharing.until')}</Table.Th>
                  <Table.Th>{t('sharing.createdBy')}</Table.Th>
                  {canWrite && (
                    <Table.Th>
                      <VisuallyHidden>{t('records.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {links.map((link) => (
                  <Table.Tr key={link.id}>
                    <Table.Td>{languageName(link.language, lang)}</Table.Td>
                    <Table.Td>
                      <LinkState link={link} />
                      {link.revokedAt && <Text size="xs">{formatDateTime(link.revokedAt, lang)}</Text>}
                    </Table.Td>
                    <Table.Td>{formatDate(link.expiresAt, lang)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{link.createdBy?.name ?? '—'}</Text>
                      <Text size="xs">{formatDateTime(link.createdAt, lang)}</Text>
                    </Table.Td>
                    {canWrite && (
                      <Table.Td ta="right">
                        {link.active && (
                          <Button size="xs" variant="outline" color="red.9" onClick={() => setRevoking(link)} aria-label={t('sharing.revokeLabel', { language: languageInText(link.language, lang), date: formatDate(link.expiresAt, lang) })} data-testid="revoke-link">
                            {t('sharing.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Paper>

      <Modal opened={!!revoking} onClose={revokeBusy ? () => undefined : () => setRevoking(null)} title={t('sharing.revokeTitle')} centered closeButtonProps={{ 'aria-label': t('form.close') }}>
        <Stack gap="md">
          <Text>{revoking && t('sharing.revokeBody', { language: languageInText(revoking.language, lang), date: formatDate(revoking.expiresAt, lang) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)} disabled={revokeBusy} data-autofocus>
              {t('form.cancel')}
            </Button>
            <Button color="red.9" loading={revokeBusy} onClick={() => void revoke()} data-testid="confirm-revoke">
              {t('sharing.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
