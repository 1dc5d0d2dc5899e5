import { Box, Button, Group, MultiSelect, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import listPlugin from '@fullcalendar/react/list';
import classicTheme from '@fullcalendar/react/themes/classic';
import bgLocale from '@fullcalendar/react/locales/bg';
import enGbLocale from '@fullcalendar/react/locales/en-gb';
import kaLocale from '@fullcalendar/react/locales/ka';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { CALENDAR_ENTRY_TYPES, type CalendarEntry } from '../../../../contracts/calendar';
import { addDays } from '../../../../contracts/common/dates';
import { RequirePermission } from '../../../app/components/RequirePermission';
import { useSession } from '../../../lib/session';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { FilterBar } from '../../../ui/FilterBar';
import { PageHeader } from '../../../ui/Page';
import { UserSelect } from '../../../ui/UserSelect';
import { useUrlState } from '../../../ui/useUrlState';
import { PersonSelect } from '../../people/components/PersonSelect';
import { useCalendar } from '../calendar.api';
import { calendarFormats } from '../calendar.formats';
import { entryTitle, entryWhen } from '../calendar.labels';
import { ConflictList } from '../components/ConflictList';
import { SubscribeModal } from '../components/SubscribeModal';
import classes from './CalendarPage.module.css';

/** FullCalendar 7's event colours: `color` fills a bar (or the dot of a timed entry), `contrastColor` is its text. */
const COLOURS: Record<CalendarEntry['type'], { color: string; contrastColor: string }> = {
  visit: { color: '#d0ebff', contrastColor: '#000' },
  trip: { color: '#c3fae8', contrastColor: '#000' },
  programme_item: { color: '#1971c2', contrastColor: '#000' },
};

const LOCALES = { bg: bgLocale, ka: kaLocale, en: enGbLocale };
/** `date` opens the calendar on that day's month (a link from a visit, a bookmark). */
const DEFAULTS = { mode: 'calendar', person: '', types: '', specialist: '', date: '' };

export default function CalendarPage() {
  return (
    <RequirePermission permission="calendar.read">
      <CalendarScreen />
    </RequirePermission>
  );
}

/** The start as read where it happens; the place's zone named when it is not the calendar's ("11:00 Tbilisi"). */
function localTime(e: CalendarEntry, lang: string, calendarZone: string): string {
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: e.timeZone }).format(new Date(e.start));
  return e.timeZone === calendarZone ? time : `${time} ${e.timeZone.split('/').pop()!.replace(/_/g, ' ')}`;
}

/** Visits, trips and programme items on a calendar, filtered per official, type and specialist. */
function CalendarScreen() {
  const { t, i18n } = useTranslation('calendar');
  const lang = i18n.language;
  const { office } = useSession();
  const navigate = useNavigate();
  const [state, setState] = useUrlState(DEFAULTS);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [subscribing, subscribe] = useDisclosure(false);
  const agenda = state.mode === 'agenda';
  const types = state.types ? state.types.split(',').filter((x) => (CALENDAR_ENTRY_TYPES as readonly string[]).includes(x)) : [];
  const calendar = useCalendar(
    range && (!agenda || state.person)
      ? { ...range, types: types.join(',') || undefined, personId: state.person || undefined, responsibleId: state.specialist || undefined }
      : null,
  );
  const entries = calendar.data?.entries ?? [];
  const events = useMemo(
    () =>
      entries.map((e) => ({
        id: e.id,
        title: entryTitle(e, lang),
        start: e.start,
        end: e.end ?? undefined,
        allDay: e.allDay,
        url: e.link,
        // Light fills with black text (AA contrast); a conflict is also outlined, besides its marker text.
        ...COLOURS[e.type],
        className: e.conflicts.length ? classes.conflict : undefined,
        extendedProps: { entry: e },
      })),
    [entries, lang],
  );
  const formats = useMemo(() => calendarFormats(lang), [lang]);
  const activeCount = [state.person, state.types, state.specialist].filter(Boolean).length;
  const withConflicts = entries.filter((e) => e.conflicts.length > 0);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('title')}
        actions={
          <Button variant="default" onClick={subscribe.open}>
            {t('subscribe.open')}
          </Button>
        }
      />
      <Stack gap={2}>
        <Text size="sm" fw={500} id="calendar-mode">
          {t('mode.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="calendar-mode"
          value={state.mode}
          onChange={(mode) => setState({ mode })}
          data={[
            { value: 'calendar', label: t('mode.calendar') },
            { value: 'agenda', label: t('mode.agenda') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      <FilterBar label={t('filters.label')} activeCount={activeCount} onClear={() => setState({ person: '', types: '', specialist: '' })}>
        <PersonSelect label={t('filters.person')} value={state.person || null} onChange={(id) => setState({ person: id ?? '' })} w={280} required={agenda} />
        <MultiSelect
          label={t('filters.types')}
          placeholder={types.length ? undefined : t('filters.allTypes')}
          data={CALENDAR_ENTRY_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
          value={types}
          onChange={(v) => setState({ types: v.join(',') })}
          clearable
          w={300}
        />
        <UserSelect label={t('filters.specialist')} value={state.specialist || null} onChange={(id) => setState({ specialist: id ?? '' })} w={240} />
      </FilterBar>
      <ErrorNotice error={calendar.error} />
      {agenda && !state.person && <Text>{t('mode.choosePerson')}</Text>}
      <Box className={classes.calendar} aria-busy={calendar.isFetching} data-testid="calendar">
        <FullCalendar
          key={state.mode}
          plugins={[dayGridPlugin, timeGridPlugin, listPlugin, classicTheme]}
          locale={LOCALES[lang as keyof typeof LOCALES] ?? enGbLocale}
          {...formats}
          // The office's days and hours, wherever the browser is: a visit's day is the office's day.
          timeZone={office.timeZone}
          initialView={agenda ? 'listMonth' : 'dayGridMonth'}
          initialDate={/^\d{4}-\d{2}-\d{2}$/.test(state.date) ? state.date : undefined}
          headerToolbar={agenda ? { start: 'prev,next today', center: 'title', end: 'listWeek,listMonth' } : { start: 'prev,next today', center: 'title', end: 'dayGridMonth,timeGridWeek,timeGridDay,listMonth' }}
          // The locales name every list view alike ("График"): the agenda offers two, so they are told apart.
          buttons={{ listWeek: { text: t('views.listWeek') }, listMonth: { text: t('views.listMonth') } }}
          height="auto"
          events={events}
          datesSet={(info) => {
            // startStr/endStr are in the calendar's zone (the Date objects are instants).
            const next = { from: info.startStr.slice(0, 10), to: addDays(info.endStr.slice(0, 10), -1) };
            setRange((prev) => (prev?.from === next.from && prev.to === next.to ? prev : next));
          }}
          eventClick={(info) => {
            info.jsEvent.preventDefault();
            const entry = info.event.extendedProps.entry as CalendarEntry;
            void navigate({ to: '/visits/$id', params: { id: entry.visitId } });
          }}
          eventContent={(info) => {
            const entry = info.event.extendedProps.entry as CalendarEntry;
            const label = `${entry.conflicts.length ? `${t('conflicts.marker')}: ` : ''}${entryTitle(entry, lang)}, ${t(`types.${entry.type}`)}, ${entryWhen(entry, lang)}`;
            return (
              <span className={classes.event} title={label}>
                {entry.conflicts.length > 0 && (
                  <span className={classes.marker}>
                    <span aria-hidden="true">⚠</span> {t('conflicts.marker')}
                  </span>
                )}
                {!entry.allDay && <span className={classes.time}>{localTime(entry, lang, office.timeZone)}</span>}
                <span className={classes.title}>{info.event.title}</span>
              </span>
            );
          }}
        />
      </Box>
      <Stack gap="xs">
        <Title order={2} fz="lg">
          {t('conflicts.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('conflicts.explain', { minutes: calendar.data?.travelBufferMinutes ?? 30 })}
        </Text>
        <ConflictList entries={withConflicts} bufferMinutes={calendar.data?.travelBufferMinutes ?? 30} />
      </Stack>
      <SubscribeModal opened={subscribing} onClose={subscribe.close} personId={state.person || null} />
    </Stack>
  );
}
