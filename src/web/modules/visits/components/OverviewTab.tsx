import { Alert, Anchor, Button, Grid, Group, List, Paper, SimpleGrid, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../../contracts/common/countries';
import type { Visit } from '../../../../contracts/visits';
import { ApiError, api } from '../../../lib/api';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format';
import { ConflictAlert } from '../../../ui/ConflictAlert';
import { IconAlert } from '../../../ui/icons';
import { languageInText } from '../../../ui/languages';
import { AnchorLink } from '../../../ui/links';
import { notifySuccess } from '../../../ui/notify';
import { FieldList } from '../../../ui/Page';
import { organizationName } from '../../organizations/organizations.labels';
import { fetchVisit, useRefreshVisit } from '../visits.api';
import { dateRange } from '../visits.labels';
import type { Problem } from '../../../../contracts/common/problems';

/** A multilingual text as one line per language, the original first. */
export function AllLanguages({ text, lang }: { text: Visit['title'] | null; lang: string }) {
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

/** Travellers whose passport will not do for the trip: named, with the date, hard to miss. */
export function PassportWarnings({ visit }: { visit: Visit }) {
  const { t, i18n } = useTranslation('visits');
  const warnings = visit.passportWarnings ?? [];
  if (warnings.length === 0) return null;
  const nameOf = (participantId: string) => visit.participants.find((p) => p.id === participantId)?.name ?? '—';
  return (
    <Alert color="red" variant="light" icon={<IconAlert size={20} />} title={t('passports.warningsTitle', { count: warnings.length })} role="alert" data-testid="passport-warnings">
      <List size="sm" spacing={4}>
        {warnings.map((w) => (
          <List.Item key={w.participantId}>
            <Text span fw={600} size="sm">
              {nameOf(w.participantId)}
            </Text>
            {': '}
            {t(`passports.reasons.${w.reason}`, { date: formatDate(w.expiry, i18n.language) })}
            {w.personId && (
              <>
                {' · '}
                <AnchorLink to="/people/$id" params={{ id: w.personId }} size="sm">
                  {t('passports.openPerson')}
                </AnchorLink>
              </>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The report after a visit or trip: written here, marked as handed in. */
export function ReportCard({ visit, canWrite }: { visit: Visit; canWrite: boolean }) {
  const { t, i18n } = useTranslation('visits');
  const refresh = useRefreshVisit(visit.id);
  const [text, setText] = useState(visit.report);
  const [submitted, setSubmitted] = useState(!!visit.reportSubmittedAt);
  const [version, setVersion] = useState(visit.version);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Problem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dirty = text !== visit.report || submitted !== !!visit.reportSubmittedAt;
  const d = visit.direction === 'outgoing' ? 'trip' : 'visit';

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await api.patch(`/api/visits/${visit.id}`, { version, report: text, reportSubmitted: submitted });
      setConflict(null);
      await refresh();
      notifySuccess(t('report.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') setConflict(e.problem);
      else setError(e instanceof ApiError ? e.message : t('form.unexpected'));
    } finally {
      setSaving(false);
    }
  };
  const reload = async () => {
    const theirs = await fetchVisit(visit.id);
    setVersion(theirs.version);
    setConflict(null);
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="visit-report">
      <Title order={2} fz="lg" mb="sm" id="visit-report">
        {t(`report.title.${d}`)}
      </Title>
      <Stack gap="sm">
        {visit.reportSubmittedAt && (
          <Text size="sm">{t('report.submittedOn', { when: formatDateTime(visit.reportSubmittedAt, i18n.language) })}</Text>
        )}
        {conflict && <ConflictAlert problem={conflict} onReload={() => void reload()} />}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        {canWrite ? (
          <>
            <Textarea label={t('fields.report')} description={t(`report.hint.${d}`)} autosize minRows={4} maxRows={20} maxLength={50000} value={text} onChange={(e) => setText(e.currentTarget.value)} />
            <Switch label={t('fields.reportSubmitted')} checked={submitted} onChange={(e) => setSubmitted(e.currentTarget.checked)} />
            <Group justify="flex-end">
              <Button onClick={() => void save()} loading={saving} disabled={!dirty} data-testid="save-report">
                {t('report.save')}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {visit.report || t('report.none')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Figure({ label, value, alert }: { label: string; value: string; alert?: boolean }) {
  return (
    <Paper withBorder p="sm" radius="md" bg={alert ? 'var(--mantine-color-red-light)' : undefined}>
      <Text size="xs" fw={600}>
        {label}
      </Text>
      <Group gap={6} align="center">
        {alert && <IconAlert size={18} color="var(--mantine-color-red-9)" />}
        <Text fz={24} fw={700} c={alert ? 'red.9' : undefined}>
          {value}
        </Text>
      </Group>
    </Paper>
  );
}

export function OverviewTab({ visit, canWrite }: { visit: Visit; canWrite: boolean }) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const d = visit.direction === 'outgoing' ? 'trip' : 'visit';
  const overdue = visit.tasks.filter((task) => task.overdue).length;
  const open = visit.tasks.filter((task) => !task.done).length;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="lg">
          {visit.direction === 'outgoing' && <PassportWarnings visit={visit} />}
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="visit-details">
            <Title order={2} fz="lg" mb="sm" id="visit-details">
              {t('detail.details')}
            </Title>
            <FieldList
              items={[
                { label: t('fields.title'), value: <AllLanguages text={visit.title} lang={lang} /> },
                { label: t('fields.purpose'), value: <AllLanguages text={visit.purpose} lang={lang} />, hidden: !visit.purpose },
                { label: t('fields.direction'), value: t(`directions.${visit.direction}`) },
                { label: t('fields.status'), value: t(`statuses.${visit.status}`) },
                { label: t('fields.dates'), value: dateRange(visit.startDate, visit.endDate, lang) },
                { label: t('fields.timeZone'), value: visit.timeZone },
                {
                  label: t(`fields.organizationOf.${d}`),
                  value: visit.organization ? (
                    <AnchorLink to="/organizations/$id" params={{ id: visit.organization.id }}>
                      {organizationName(visit.organization, lang)}
                    </AnchorLink>
                  ) : null,
                },
                { label: t(`fields.countryOf.${d}`), value: visit.country ? countryName(visit.country, lang) : null },
                { label: t(`fields.cityOf.${d}`), value: visit.city },
                { label: t(`fields.guestLanguagesOf.${d}`), value: visit.guestLanguages.map((c) => languageInText(c, lang)).join(', ') },
                { label: t('fields.responsible'), value: visit.responsible?.name },
                { label: t('fields.contactPhone'), value: visit.contactPhone ? <Anchor href={`tel:${visit.contactPhone.replace(/[^+0-9]/g, '')}`}>{visit.contactPhone}</Anchor> : null },
                { label: t('fields.notes'), value: visit.notes },
                { label: t('fields.confidential'), value: visit.confidential ? t('detail.confidentialYes') : null },
                { label: t('detail.owner'), value: visit.owner?.name },
                {
                  label: t('detail.updatedAt'),
                  value: visit.updatedBy ? t('detail.updatedBy', { when: formatDateTime(visit.updatedAt, lang), name: visit.updatedBy.name }) : formatDateTime(visit.updatedAt, lang),
                },
                { label: t('detail.createdAt'), value: formatDateTime(visit.createdAt, lang) },
              ]}
            />
          </Paper>
          {visit.direction === 'incoming' && <ReportCard visit={visit} canWrite={canWrite} />}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="sm" component="section" aria-labelledby="visit-figures">
          <Title order={2} fz="lg" id="visit-figures">
            {t('detail.figures')}
          </Title>
          <SimpleGrid cols={2} spacing="sm">
            <Figure label={t('tabs.participants')} value={formatNumber(visit.participants.length, lang)} />
            <Figure label={t('detail.programmeItems')} value={formatNumber(visit.programme.length, lang)} />
            <Figure label={t('detail.openTasks')} value={formatNumber(open, lang)} />
            <Figure label={t('detail.overdueTasks')} value={formatNumber(overdue, lang)} alert={overdue > 0} />
          </SimpleGrid>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
