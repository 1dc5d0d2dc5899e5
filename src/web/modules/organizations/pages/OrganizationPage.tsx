import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../../contracts/common/countries';
import { pickText } from '../../../../contracts/common/multilingual';
import type { Organization } from '../../../../contracts/organizations';
import { api } from '../../../lib/api';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { ConfidentialBadge } from '../../../ui/ConfidentialBadge';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { DuplicatesPanel } from '../../../ui/Duplicates';
import { HistoryList } from '../../../ui/HistoryList';
import { IconEdit, IconPlus, IconTrash } from '../../../ui/icons';
import { languageInText } from '../../../ui/languages';
import { BackLink, FieldList, PageHeader, PageStatus } from '../../../ui/Page';
import { useUrlState } from '../../../ui/useUrlState';
import { InteractionTimeline } from '../../interactions/components/InteractionTimeline';
import { usePeople } from '../../people/people.api';
import { organizationKeys, useOrganization } from '../organizations.api';
import { organizationName, useOrganizationFieldText } from '../organizations.labels';
import { AnchorLink, BadgeLink, ButtonLink } from '../../../ui/links';
import { notifySuccess } from '../../../ui/notify';

export default function OrganizationPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const query = useOrganization(id);
  if (!query.data) return <PageStatus error={query.error} onRetry={() => void query.refetch()} />;
  return <OrganizationView org={query.data} />;
}

function OrganizationView({ org }: { org: Organization }) {
  const { t, i18n } = useTranslation('organizations');
  const lang = i18n.language;
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState(false);
  const [{ tab }, setTab] = useUrlState({ tab: 'timeline' });
  const fieldText = useOrganizationFieldText();
  const name = organizationName(org, lang);
  const people = usePeople({ organizationId: org.id, pageSize: 200, sort: 'name', order: 'asc' });
  const peopleOptions = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.nameLatin && p.nameLatin !== p.name ? `${p.name} (${p.nameLatin})` : p.name }));

  const nameItems = Object.entries(org.name.values)
    .filter(([, v]) => v?.trim())
    .sort(([a], [b]) => Number(b === org.name.original) - Number(a === org.name.original))
    .map(([code, v]) => ({
      label: t('detail.nameIn', { language: languageInText(code, lang) }) + (code === org.name.original ? ` · ${t('detail.original')}` : ''),
      value: <span lang={code}>{v}</span>,
    }));

  const remove = async () => {
    await api.delete(`/api/organizations/${org.id}`, { version: org.version });
    setDeleting(false);
    queryClient.removeQueries({ queryKey: organizationKeys.detail(org.id) });
    await queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    notifySuccess(t('detail.deleted', { name }));
    await navigate({ to: '/organizations' });
  };

  return (
    <Stack gap="lg">
      <PageHeader
        before={<BackLink to="/organizations">{t('list.title')}</BackLink>}
        title={name}
        after={
          <Group gap="xs">
            <Badge variant="light" tt="none">
              {t(`kinds.${org.kind}`)}
            </Badge>
            {org.shortName && <Text size="sm">{org.shortName}</Text>}
            {org.confidential && <ConfidentialBadge />}
          </Group>
        }
        actions={
          <>
            {org.abilities.update && (
              <ButtonLink to="/organizations/$id/edit" params={{ id: org.id }} leftSection={<IconEdit />} data-testid="edit">
                {t('detail.edit')}
              </ButtonLink>
            )}
            {org.abilities.delete && (
              <Button variant="outline" color="red.9" leftSection={<IconTrash />} onClick={() => setDeleting(true)} data-testid="delete">
                {t('detail.delete')}
              </Button>
            )}
          </>
        }
      />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="org-details">
              <Title order={2} fz="lg" mb="sm" id="org-details">
                {t('detail.details')}
              </Title>
              <FieldList
                items={[
                  ...nameItems,
                  { label: t('fields.kind'), value: t(`kinds.${org.kind}`) },
                  { label: t('fields.shortName'), value: org.shortName },
                  { label: t('fields.country'), value: org.country ? countryName(org.country, lang) : null },
                  { label: t('fields.city'), value: org.city },
                  { label: t('fields.languages'), value: org.languages.map((c) => languageInText(c, lang)).join(', ') },
                  {
                    label: t('fields.website'),
                    value: org.website ? (
                      <Anchor href={org.website} target="_blank" rel="noopener noreferrer">
                        {org.website}
                      </Anchor>
                    ) : null,
                  },
                  { label: t('fields.email'), value: org.email ? <Anchor href={`mailto:${org.email}`}>{org.email}</Anchor> : null },
                  { label: t('fields.phone'), value: org.phone ? <Anchor href={`tel:${org.phone.replace(/[^+0-9]/g, '')}`}>{org.phone}</Anchor> : null },
                  {
                    label: t('fields.addresses'),
                    value: org.addresses.length ? (
                      <Stack gap={6}>
                        {org.addresses.map((a, i) => (
                          <Text size="sm" key={i}>
                            {a.label && <strong>{a.label}: </strong>}
                            {[a.street, [a.postcode, a.city].filter(Boolean).join(' '), a.country ? countryName(a.country, lang) : ''].filter(Boolean).join(', ')}
                          </Text>
                        ))}
                      </Stack>
                    ) : null,
                  },
                  {
                    label: t('fields.tags'),
                    value: org.tags.length ? (
                      <Group gap={4}>
                        {org.tags.map((tag) => (
                          <BadgeLink key={tag} variant="light" color="gray" tt="none" to="/organizations" search={{ tag } as never} style={{ cursor: 'pointer' }}>
                            {tag}
                          </BadgeLink>
                        ))}
                      </Group>
                    ) : null,
                  },
                  { label: t('fields.notes'), value: org.notes },
                  { label: t('fields.confidential'), value: org.confidential ? t('detail.confidentialYes') : null },
                  { label: t('detail.owner'), value: org.owner?.name },
                  {
                    label: t('fields.updatedAt'),
                    value: org.updatedBy ? t('detail.updatedBy', { when: formatDateTime(org.updatedAt, lang), name: org.updatedBy.name }) : formatDateTime(org.updatedAt, lang),
                  },
                  { label: t('detail.createdAt'), value: formatDateTime(org.createdAt, lang) },
                ]}
              />
            </Paper>

            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="org-people">
              <Group justify="space-between" mb="sm">
                <Title order={2} fz="lg" id="org-people">
                  {t('detail.people', { total: formatNumber(org.peopleCount, lang) })}
                </Title>
                {can('directory.write') && (
                  <ButtonLink size="xs" variant="default" leftSection={<IconPlus size={14} />} to="/people/new" search={{ organizationId: org.id } as never}>
                    {t('detail.addPerson')}
                  </ButtonLink>
                )}
              </Group>
              {people.data && people.data.items.length === 0 ? (
                <Text size="sm">{t('detail.noPeople')}</Text>
              ) : (
                <Table aria-label={t('detail.peopleCaption', { name })} verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('detail.personName')}</Table.Th>
                      <Table.Th>{t('detail.personPosition')}</Table.Th>
                      <Table.Th visibleFrom="sm">{t('fields.email')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(people.data?.items ?? []).map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>
                          <AnchorLink to="/people/$id" params={{ id: p.id }}>
                            {p.name}
                          </AnchorLink>
                          {p.nameLatin && p.nameLatin !== p.name && <Text size="xs">{p.nameLatin}</Text>}
                        </Table.Td>
                        <Table.Td>{[pickText(p.position, lang), pickText(p.title, lang)].filter(Boolean).join(', ')}</Table.Td>
                        <Table.Td visibleFrom="sm">{p.email}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {people.data && people.data.total > people.data.items.length && (
                <AnchorLink to="/people" search={{ organizationId: org.id } as never} size="sm">
                  {t('detail.allPeople', { total: formatNumber(people.data.total, lang) })}
                </AnchorLink>
              )}
            </Paper>

            <Tabs value={tab} onChange={(v) => setTab({ tab: v ?? 'timeline' })} keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="timeline">{t('detail.timelineTab')}</Tabs.Tab>
                <Tabs.Tab value="history">{t('detail.historyTab')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="timeline" pt="md">
                <InteractionTimeline organizationId={org.id} people={peopleOptions} />
              </Tabs.Panel>
              <Tabs.Panel value="history" pt="md">
                <Title order={2} fz="lg" mb="sm">
                  {t('detail.historyTitle')}
                </Title>
                <HistoryList resource="organizations" id={org.id} fieldLabel={fieldText.fieldLabel} formatValue={fieldText.formatValue} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <DuplicatesPanel
            resource="organizations"
            record={org}
            names={Object.values(org.name.values)}
            label={(o) => organizationName(o, lang)}
            summary={(o) => [
              { label: t('fields.kind'), value: t(`kinds.${o.kind}`) },
              { label: t('fields.country'), value: o.country ? countryName(o.country, lang) : '' },
              { label: t('fields.city'), value: o.city ?? '' },
              { label: t('list.people'), value: formatNumber(o.peopleCount, lang) },
              { label: t('fields.updatedAt'), value: formatDateTime(o.updatedAt, lang) },
            ]}
            canMerge={can('directory.merge')}
            onMerged={(keptId) => {
              if (keptId !== org.id) void navigate({ to: '/organizations/$id', params: { id: keptId } });
            }}
          />
        </Grid.Col>
      </Grid>

      <ConfirmDelete
        opened={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={remove}
        name={name}
        what={t('detail.what')}
        consequences={t('detail.deleteConsequences')}
      />
    </Stack>
  );
}
