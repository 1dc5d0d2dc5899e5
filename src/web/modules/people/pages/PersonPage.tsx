import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../../../contracts/common/multilingual';
import type { Person } from '../../../../contracts/people';
import { api } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { ConfidentialBadge } from '../../../ui/ConfidentialBadge';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { DuplicatesPanel } from '../../../ui/Duplicates';
import { HistoryList } from '../../../ui/HistoryList';
import { IconEdit, IconTrash } from '../../../ui/icons';
import { languageInText } from '../../../ui/languages';
import { AnchorLink, BadgeLink, ButtonLink } from '../../../ui/links';
import { BackLink, FieldList, PageHeader, PageStatus } from '../../../ui/Page';
import { useUrlState } from '../../../ui/useUrlState';
import { InteractionTimeline } from '../../interactions/components/InteractionTimeline';
import { organizationName } from '../../organizations/organizations.labels';
import { PersonPassports } from '../../passports/components/PersonPassports';
import { personKeys, usePerson } from '../people.api';
import { personRole, usePersonFieldText } from '../people.labels';
import { notifySuccess } from '../../../ui/notify';

export default function PersonPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const query = usePerson(id);
  if (!query.data) return <PageStatus error={query.error} onRetry={() => void query.refetch()} />;
  return <PersonView person={query.data} />;
}

/** A multilingual text as one line per language, the original first. */
function AllLanguages({ text, lang }: { text: Person['title']; lang: string }) {
  if (!text) return null;
  const entries = Object.entries(text.values)
    .filter(([, v]) => v?.trim())
    .sort(([a], [b]) => Number(b === text.original) - Number(a === text.original));
  if (entries.length === 0) return null;
  return (
    <Stack gap={2}>
      {entries.map(([code, v]) => (
        <Text size="sm" key={code}>
          <Text span size="xs" fw={600}>
            {languageInText(code, lang)}:
          </Text>{' '}
          <span lang={code}>{v}</span>
        </Text>
      ))}
    </Stack>
  );
}

function PersonView({ person }: { person: Person }) {
  const { t, i18n } = useTranslation('people');
  const lang = i18n.language;
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState(false);
  const [{ tab }, setTab] = useUrlState({ tab: 'timeline' });
  const fieldText = usePersonFieldText();
  const orgName = person.organization ? organizationName(person.organization, lang) : '';
  const role = personRole(person, lang);

  const remove = async () => {
    await api.delete(`/api/people/${person.id}`, { version: person.version });
    setDeleting(false);
    queryClient.removeQueries({ queryKey: personKeys.detail(person.id) });
    await queryClient.invalidateQueries({ queryKey: personKeys.all });
    await queryClient.invalidateQueries({ queryKey: ['organizations'] });
    notifySuccess(t('detail.deleted', { name: person.name }));
    await navigate({ to: '/people' });
  };

  const addressForms = Object.entries(person.formOfAddress).filter(([, v]) => v?.trim());

  return (
    <Stack gap="lg">
      <PageHeader
        before={<BackLink to="/people">{t('list.title')}</BackLink>}
        title={person.name}
        after={
          <Group gap="xs">
            {person.nameLatin && person.nameLatin !== person.name && (
              <Text size="lg" fw={500}>
                {person.nameLatin}
              </Text>
            )}
            {person.precedenceCategory && (
              <Badge variant="light" tt="none">
                {t(`precedence.${person.precedenceCategory}`)}
              </Badge>
            )}
            {person.confidential && <ConfidentialBadge />}
          </Group>
        }
        actions={
          <>
            {person.abilities.update && (
              <ButtonLink to="/people/$id/edit" params={{ id: person.id }} leftSection={<IconEdit />} data-testid="edit">
                {t('detail.edit')}
              </ButtonLink>
            )}
            {person.abilities.delete && (
              <Button variant="outline" color="red.9" leftSection={<IconTrash />} onClick={() => setDeleting(true)} data-testid="delete">
                {t('detail.delete')}
              </Button>
            )}
          </>
        }
      />
      {(role || person.organization) && (
        <Text size="md">
          {role}
          {role && person.organization ? ', ' : ''}
          {person.organization && (
            <AnchorLink to="/organizations/$id" params={{ id: person.organization.id }}>
              {orgName}
            </AnchorLink>
          )}
        </Text>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="person-details">
              <Title order={2} fz="lg" mb="sm" id="person-details">
                {t('detail.details')}
              </Title>
              <FieldList
                items={[
                  { label: t('fields.name'), value: person.name },
                  { label: t('fields.nameLatin'), value: person.nameLatin !== person.name ? person.nameLatin : null },
                  {
                    label: t('fields.formOfAddress'),
                    value: addressForms.length ? (
                      <Stack gap={2}>
                        {addressForms.map(([code, v]) => (
                          <Text size="sm" key={code}>
                            <Text span size="xs" fw={600}>
                              {languageInText(code, lang)}:
                            </Text>{' '}
                            <span lang={code}>{v}</span>
                          </Text>
                        ))}
                      </Stack>
                    ) : null,
                  },
                  { label: t('fields.position'), value: <AllLanguages text={person.position} lang={lang} />, hidden: !pickText(person.position, lang) },
                  { label: t('fields.title'), value: <AllLanguages text={person.title} lang={lang} />, hidden: !pickText(person.title, lang) },
                  {
                    label: t('fields.organization'),
                    value: person.organization ? (
                      <AnchorLink to="/organizations/$id" params={{ id: person.organization.id }}>
                        {orgName}
                      </AnchorLink>
                    ) : null,
                  },
                  { label: t('fields.precedenceCategory'), value: person.precedenceCategory ? t(`precedence.${person.precedenceCategory}`) : null },
                  { label: t('fields.email'), value: person.email ? <Anchor href={`mailto:${person.email}`}>{person.email}</Anchor> : null },
                  {
                    label: t('fields.phones'),
                    value: person.phones.length ? (
                      <Stack gap={2}>
                        {person.phones.map((p, i) => (
                          <Text size="sm" key={i}>
                            {p.label && <strong>{p.label}: </strong>}
                            <Anchor href={`tel:${p.number.replace(/[^+0-9]/g, '')}`}>{p.number}</Anchor>
                          </Text>
                        ))}
                      </Stack>
                    ) : null,
                  },
                  { label: t('fields.languages'), value: person.languages.map((c) => languageInText(c, lang)).join(', ') },
                  {
                    label: t('fields.lawfulBasis'),
                    value: (
                      <Stack gap={0}>
                        <Text size="sm">{t(`lawfulBasis.${person.lawfulBasis}`)}</Text>
                        <Text size="xs" c="dimmed">
                          {t(`lawfulBasisHelp.${person.lawfulBasis}`)}
                        </Text>
                      </Stack>
                    ),
                  },
                  {
                    label: t('fields.tags'),
                    value: person.tags.length ? (
                      <Group gap={4}>
                        {person.tags.map((tag) => (
                          <BadgeLink key={tag} variant="light" color="gray" tt="none" to="/people" search={{ tag } as never} style={{ cursor: 'pointer' }}>
                            {tag}
                          </BadgeLink>
                        ))}
                      </Group>
                    ) : null,
                  },
                  { label: t('fields.notes'), value: person.notes },
                  { label: t('fields.confidential'), value: person.confidential ? t('detail.confidentialYes') : null },
                  { label: t('detail.owner'), value: person.owner?.name },
                  {
                    label: t('fields.updatedAt'),
                    value: person.updatedBy ? t('detail.updatedBy', { when: formatDateTime(person.updatedAt, lang), name: person.updatedBy.name }) : formatDateTime(person.updatedAt, lang),
                  },
                  { label: t('detail.createdAt'), value: formatDateTime(person.createdAt, lang) },
                ]}
              />
            </Paper>

            {person.accompanyingPersons.length > 0 && (
              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="person-companions">
                <Title order={2} fz="lg" mb="sm" id="person-companions">
                  {t('fields.accompanyingPersons')}
                </Title>
                <Table aria-label={t('fields.accompanyingPersons')} verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('companion.name')}</Table.Th>
                      <Table.Th>{t('companion.relation')}</Table.Th>
                      <Table.Th>{t('companion.notes')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {person.accompanyingPersons.map((a, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{a.name}</Table.Td>
                        <Table.Td>{a.relation}</Table.Td>
                        <Table.Td>{a.notes}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )}

            {can('passports.read') && <PersonPassports personId={person.id} personName={person.name} />}

            <Tabs value={tab} onChange={(v) => setTab({ tab: v ?? 'timeline' })} keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="timeline">{t('detail.timelineTab')}</Tabs.Tab>
                <Tabs.Tab value="history">{t('detail.historyTab')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="timeline" pt="md">
                <InteractionTimeline personId={person.id} personOrganization={person.organization ? { id: person.organization.id, label: orgName } : null} />
              </Tabs.Panel>
              <Tabs.Panel value="history" pt="md">
                <Title order={2} fz="lg" mb="sm">
                  {t('detail.historyTitle')}
                </Title>
                <HistoryList resource="people" id={person.id} fieldLabel={fieldText.fieldLabel} formatValue={fieldText.formatValue} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <DuplicatesPanel
            resource="people"
            record={person}
            names={[person.name, person.nameLatin]}
            label={(p) => p.name}
            summary={(p) => [
              { label: t('fields.nameLatin'), value: p.nameLatin },
              { label: t('fields.organization'), value: p.organization ? organizationName(p.organization, lang) : '' },
              { label: t('list.role'), value: personRole(p, lang) },
              { label: t('fields.email'), value: p.email ?? '' },
              { label: t('fields.updatedAt'), value: formatDateTime(p.updatedAt, lang) },
            ]}
            canMerge={can('directory.merge')}
            onMerged={(keptId) => {
              if (keptId !== person.id) void navigate({ to: '/people/$id', params: { id: keptId } });
            }}
          />
        </Grid.Col>
      </Grid>

      <ConfirmDelete
        opened={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={remove}
        name={person.name}
        what={t('detail.what')}
        consequences={t('detail.deleteConsequences')}
      />
    </Stack>
  );
}
