import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragOverEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Alert, Box, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../../../contracts/common/multilingual';
import { ProgrammeItemCreateSchema, type ProgrammeItem, type Visit } from '../../../../contracts/visits';
import { ApiError } from '../../../lib/api';
import { formatDay } from '../../../lib/format';
import { IconChevronDown, IconChevronUp, IconPlus } from '../../../ui/icons';
import { languageInText, languageName } from '../../../ui/languages';
import { notifySuccess } from '../../../ui/notify';
import { useUrlState } from '../../../ui/useUrlState';
import { arrangeDay, useRefreshVisit, visitKeys, type VisitProgramme } from '../visits.api';
import { participantLabel, visitDays } from '../visits.labels';
import { insertByTime, itemsByDay, move, retime, timeSpan, type Placed } from '../programme';
import { MoveDayModal } from './MoveDayModal';
import { collisions, dayOfTarget, ProgrammeDay } from './ProgrammeDay';
import { ProgrammeItemFields, programmeItemPayload, programmeItemValues, type ProgrammeItemFormValues } from './ProgrammeItemForm';
import { RecordFormModal } from './RecordFormModal';
import { EmptyNote, RowActions, useDeleteRecord } from './RecordParts';
import classes from './ProgrammeTab.module.css';

/** The local language and the guests': the two columns the programme is read and written in. */
function defaultColumns(visit: Visit, ui: string): [string, string] {
  const local = visit.direction === 'incoming' ? (['bg', 'ka'].includes(visit.title.original) ? visit.title.original : ['bg', 'ka'].includes(ui) ? ui : 'bg') : ['bg', 'ka'].includes(ui) ? ui : 'bg';
  const guest = visit.guestLanguages.find((c) => c !== local) ?? (local === 'en' ? 'bg' : 'en');
  return [local, guest];
}

const GripIcon = () => (
  <svg width={18} height={18} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
    {[6, 12, 18].flatMap((y) => [9, 15].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r={1.6} />))}
  </svg>
);

function Texts({ item, code }: { item: ProgrammeItem; code: string }) {
  const { t, i18n } = useTranslation('visits');
  const title = item.title.values[code]?.trim();
  const place = item.place?.values[code]?.trim();
  const notes = item.notes?.values[code]?.trim();
  return (
    <Stack gap={2} lang={code}>
      {title ? (
        <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="item-title">
          {title}
        </Text>
      ) : (
        <Text size="sm" fs="italic" lang={i18n.language}>
          {t('programme.missing', { language: languageInText(code, i18n.language) })}
        </Text>
      )}
      {place && <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{place}</Text>}
      {notes && <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{notes}</Text>}
    </Stack>
  );
}

type ItemProps = {
  item: ProgrammeItem;
  index: number;
  count: number;
  visit: Visit;
  columns: [string, string];
  canWrite: boolean;
  busy: boolean;
  onMove: (item: ProgrammeItem, to: number) => void;
  onEdit: (item: ProgrammeItem) => void;
  onDelete: (item: ProgrammeItem) => void;
};

function ProgrammeRow({ item, index, count, visit, columns, canWrite, busy, onMove, onEdit, onDelete }: ItemProps) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const sortable = useSortable({ id: item.id, data: { day: item.day }, disabled: !canWrite || busy });
  const name = pickText(item.title, lang);
  const attendees = item.attendeeIds.map((id) => visit.participants.find((p) => p.id === id)).filter(Boolean).map((p) => participantLabel(p!));
  const meta = [
    attendees.length || item.attendeesText ? t('programme.attendeesShort', { names: [item.attendeesText, ...attendees].filter(Boolean).join(', ') }) : '',
    item.responsible ? t('programme.responsibleShort', { name: item.responsible.name }) : '',
    item.transport ? t('programme.transportShort', { text: item.transport }) : '',
    item.dressCode ? t('programme.dressCodeShort', { text: item.dressCode }) : '',
  ].filter(Boolean);
  return (
    <Paper
      component="li"
      withBorder
      radius="sm"
      p="sm"
      ref={sortable.setNodeRef}
      className={classes.item}
      data-dragging={sortable.isDragging || undefined}
      data-testid="programme-item"
      style={{ transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition }}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        {canWrite && (
          <Tooltip label={t('programme.dragLabel', { name })}>
            <ActionIcon variant="subtle" color="gray.8" className={classes.handle} aria-label={t('programme.dragLabel', { name })} {...sortable.attributes} {...sortable.listeners} data-testid="drag-handle">
              <GripIcon />
            </ActionIcon>
          </Tooltip>
        )}
        <Text fw={700} className={classes.time} data-testid="item-time">
          {timeSpan(item)}
        </Text>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Texts item={item} code={columns[0]} />
            <Texts item={item} code={columns[1]} />
          </SimpleGrid>
          {meta.length > 0 && <Text size="xs">{meta.join(' · ')}</Text>}
        </Stack>
        {canWrite && (
          <RowActions name={name} onEdit={() => onEdit(item)} onDelete={() => onDelete(item)}>
            <Tooltip label={t('programme.moveUp', { name })}>
              <ActionIcon variant="subtle" color="gray.8" disabled={index === 0} onClick={() => !busy && onMove(item, index - 1)} aria-label={t('programme.moveUp', { name })} data-move={`${item.id}-up`}>
                <IconChevronUp />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('programme.moveDown', { name })}>
              <ActionIcon variant="subtle" color="gray.8" disabled={index === count - 1} onClick={() => !busy && onMove(item, index + 1)} aria-label={t('programme.moveDown', { name })} data-move={`${item.id}-down`}>
                <IconChevronDown />
              </ActionIcon>
            </Tooltip>
          </RowActions>
        )}
      </Group>
    </Paper>
  );
}

export function ProgrammeTab({ visit, canWrite }: { visit: Visit; canWrite: boolean }) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const refresh = useRefreshVisit(visit.id);
  const [fallbackA, fallbackB] = defaultColumns(visit, lang);
  const [cols, setCols] = useUrlState({ langA: fallbackA, langB: fallbackB });
  const columns: [string, string] = cols.langA === cols.langB ? [fallbackA, fallbackB] : [cols.langA, cols.langB];
  const setColumns = ([a, b]: [string, string]) => setCols({ langA: a, langB: b });
  const languages = useMemo(() => {
    const set = new Set(['bg', 'ka', 'en', ...visit.guestLanguages, ...columns]);
    for (const item of visit.programme) for (const code of Object.keys(item.title.values)) set.add(code);
    return [...set];
  }, [visit.guestLanguages, visit.programme, columns]);
  const days = visitDays(visit.startDate, visit.endDate);
  const byDay = useMemo(() => itemsByDay(visit.programme), [visit.programme]);
  const [editing, setEditing] = useState<{ item: ProgrammeItem | null; day: string } | null>(null);
  const [movingDay, setMovingDay] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** The day an item from another day is being dragged over (outlined). */
  const [dropDay, setDropDay] = useState<string | null>(null);
  const remove = useDeleteRecord<ProgrammeItem>('programme-items', visit.id, { name: (i) => pickText(i.title, lang), what: t('programme.what') });
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  /**
   * Saves a day's items in their new order and times, checked against the visit's version; the
   * change is shown at once (`show`) and the server's answer replaces it.
   */
  const save = async (day: string, placed: Placed[], show: (item: ProgrammeItem) => ProgrammeItem, announce: () => string, focus?: () => void) => {
    setBusy(true);
    setProblem(null);
    queryClient.setQueryData<Visit>(visitKeys.detail(visit.id), (old) => (old ? { ...old, programme: old.programme.map(show) } : old));
    try {
      const result: VisitProgramme = await arrangeDay(visit.id, { version: visit.version, date: day, items: placed });
      queryClient.setQueryData<Visit>(visitKeys.detail(visit.id), (old) => (old ? { ...old, version: result.version, startDate: result.startDate, endDate: result.endDate, programme: result.programme } : old));
      setAnnouncement(announce());
    } catch (e) {
      setProblem(e instanceof ApiError && e.code === 'version_conflict' ? t('programme.conflict') : e instanceof Error ? e.message : t('form.unexpected'));
    } finally {
      await refresh();
      setBusy(false);
      if (focus) requestAnimationFrame(focus);
    }
  };

  /** A day in a new order: the day's time slots stay, each item takes the next one (retime). */
  const arrange = (day: string, order: ProgrammeItem[], moved: ProgrammeItem, focus?: 'up' | 'down') => {
    const placed = retime(byDay.get(day) ?? [], order);
    return save(
      day,
      placed,
      (i) => {
        const p = placed.find((x) => x.id === i.id);
        return p ? { ...i, start: p.start, end: p.end, position: placed.indexOf(p) } : i;
      },
      () => t('programme.movedTo', { name: pickText(moved.title, lang), position: order.findIndex((i) => i.id === moved.id) + 1, count: order.length }),
      // The moved item keeps the focus (its button, or the other one at the end of the day).
      focus &&
        (() => {
          const button = document.querySelector<HTMLButtonElement>(`[data-move="${moved.id}-${focus}"]`);
          (button && !button.disabled ? button : document.querySelector<HTMLButtonElement>(`[data-move="${moved.id}-${focus === 'up' ? 'down' : 'up'}"]`))?.focus();
        }),
    );
  };

  /** An item dragged onto another day keeps its times and takes its place there by time. */
  const moveToDay = (moved: ProgrammeItem, day: string) => {
    const order = insertByTime(byDay.get(day) ?? [], moved);
    const position = order.indexOf(moved);
    return save(
      day,
      order.map((i) => ({ id: i.id, start: i.start, end: i.end })),
      (i) => (i.id === moved.id ? { ...i, day, position: position - 0.5 } : i),
      () => t('programme.movedToDay', { name: pickText(moved.title, lang), day: formatDay(day, lang), position: position + 1, count: order.length }),
    );
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    const from = visit.programme.find((i) => i.id === active.id)?.day;
    const to = over ? dayOfTarget(over.id, visit.programme) : undefined;
    setDropDay(to && to !== from ? to : null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDropDay(null);
    const moved = visit.programme.find((i) => i.id === active.id);
    const day = over ? dayOfTarget(over.id, visit.programme) : undefined;
    if (!moved || !day || !over) return;
    if (day !== moved.day) return void moveToDay(moved, day);
    const items = byDay.get(day) ?? [];
    const from = items.findIndex((i) => i.id === active.id);
    const to = items.findIndex((i) => i.id === over.id);
    if (from < 0 || to < 0 || from === to) return;
    void arrange(day, move(items, from, to), moved);
  };

  const titleOf = (id: string | number) => {
    const item = visit.programme.find((i) => i.id === id);
    return item ? pickText(item.title, lang) : '';
  };
  const positionOf = (id: string | number) => {
    const item = visit.programme.find((i) => i.id === id);
    return item ? (byDay.get(item.day) ?? []).findIndex((i) => i.id === id) + 1 : 0;
  };
  /** The day an item is over, when it is not the item's own. */
  const otherDay = (active: UniqueIdentifier, over: UniqueIdentifier) => {
    const day = dayOfTarget(over, visit.programme);
    return day && day !== visit.programme.find((i) => i.id === active)?.day ? day : undefined;
  };
  const accessibility = {
    screenReaderInstructions: { draggable: t('programme.dragInstructions') },
    announcements: {
      onDragStart: ({ active }: { active: { id: string | number } }) => t('programme.dragStart', { name: titleOf(active.id) }),
      onDragOver: ({ active, over }: { active: { id: string | number }; over: { id: string | number } | null }) => {
        if (!over) return undefined;
        const day = otherDay(active.id, over.id);
        return day ? t('programme.dragOverDay', { name: titleOf(active.id), day: formatDay(day, lang) }) : t('programme.dragOver', { name: titleOf(active.id), position: positionOf(over.id) });
      },
      onDragEnd: ({ active, over }: { active: { id: string | number }; over: { id: string | number } | null }) => {
        if (!over) return undefined;
        const day = otherDay(active.id, over.id);
        return day ? t('programme.dragEndDay', { name: titleOf(active.id), day: formatDay(day, lang) }) : t('programme.dragEnd', { name: titleOf(active.id), position: positionOf(over.id) });
      },
      onDragCancel: ({ active }: { active: { id: string | number } }) => t('programme.dragCancel', { name: titleOf(active.id) }),
    },
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} fz="lg">
          {t('programme.title')}
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap" role="group" aria-label={t('programme.columnsLabel')}>
          <Select label={t('programme.firstLanguage')} data={languages.filter((c) => c !== columns[1]).map((c) => ({ value: c, label: languageName(c, lang) }))} value={columns[0]} allowDeselect={false} onChange={(c) => c && setColumns([c, columns[1]])} w={180} />
          <Select label={t('programme.secondLanguage')} data={languages.filter((c) => c !== columns[0]).map((c) => ({ value: c, label: languageName(c, lang) }))} value={columns[1]} allowDeselect={false} onChange={(c) => c && setColumns([columns[0], c])} w={180} />
        </Group>
      </Group>
      {problem && (
        <Alert color="red" variant="light" role="alert" withCloseButton closeButtonLabel={t('form.dismiss')} onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      )}
      <VisuallyHidden aria-live="polite" role="status">
        {announcement}
      </VisuallyHidden>
      <DndContext sensors={sensors} collisionDetection={collisions} onDragOver={onDragOver} onDragEnd={onDragEnd} onDragCancel={() => setDropDay(null)} accessibility={accessibility}>
        {days.map((day, n) => {
          const items = byDay.get(day) ?? [];
          const headingId = `programme-day-${day}`;
          return (
            <ProgrammeDay key={day} day={day} headingId={headingId} enabled={canWrite && !busy} target={dropDay === day}>
              <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
                <Title order={3} fz="md" id={headingId}>
                  {t('programme.dayN', { n: n + 1 })} · {formatDay(day, lang)}
                </Title>
                {canWrite && (
                  <Group gap="xs">
                    {items.length > 0 && (
                      <Button size="xs" variant="default" onClick={() => setMovingDay(day)} aria-label={t('programme.moveDayLabel', { day: formatDay(day, lang) })} data-testid="move-day">
                        {t('programme.moveDay')}
                      </Button>
                    )}
                    <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ item: null, day })} aria-label={t('programme.addToDay', { day: formatDay(day, lang) })} data-testid="add-item">
                      {t('programme.add')}
                    </Button>
                  </Group>
                )}
              </Group>
              {items.length === 0 ? (
                <EmptyNote>{canWrite ? t('programme.emptyDayCanAdd') : t('programme.emptyDay')}</EmptyNote>
              ) : (
                <>
                  <Group gap="md" mb={4} ml={canWrite ? 48 : 0} visibleFrom="sm" aria-hidden="true">
                    <Box w={96} />
                    <SimpleGrid cols={2} style={{ flex: 1 }} spacing="md">
                      <Text size="sm" fw={700}>
                        {languageName(columns[0], lang)}
                      </Text>
                      <Text size="sm" fw={700}>
                        {languageName(columns[1], lang)}
                      </Text>
                    </SimpleGrid>
                  </Group>
                  <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
                    <Stack component="ol" gap="xs" className={classes.list} aria-labelledby={headingId}>
                      {items.map((item, index) => (
                        <ProgrammeRow
                          key={item.id}
                          item={item}
                          index={index}
                          count={items.length}
                          visit={visit}
                          columns={columns}
                          canWrite={canWrite}
                          busy={busy}
                          onMove={(it, to) => void arrange(day, move(items, index, to), it, to < index ? 'up' : 'down')}
                          onEdit={(it) => setEditing({ item: it, day })}
                          onDelete={remove.ask}
                        />
                      ))}
                    </Stack>
                  </SortableContext>
                </>
              )}
            </ProgrammeDay>
          );
        })}
      </DndContext>
      <RecordFormModal<ProgrammeItemFormValues, ProgrammeItem>
        kind="programme-items"
        visitId={visit.id}
        record={editing?.item ?? null}
        opened={editing !== null}
        title={editing?.item ? t('programme.editTitle', { name: pickText(editing.item.title, lang) }) : t('programme.addTitle')}
        size="70rem"
        schema={ProgrammeItemCreateSchema}
        values={(item) => programmeItemValues(item, { day: editing?.day ?? visit.startDate, original: columns[0] })}
        payload={(v) => programmeItemPayload(v, columns)}
        latest={(v) => v.programme.find((i) => i.id === editing?.item?.id)}
        fieldLabel={(key) => (i18n.exists(`visits:programme.${key}`) ? t(`programme.${key}`) : key)}
        savedMessage={(item) => t('programme.saved', { name: pickText(item.title, lang) })}
        onClose={() => setEditing(null)}
        onSaved={refresh}
        testId="programme-item-form"
      >
        {(form) => <ProgrammeItemFields form={form} visit={visit} columns={columns} onColumns={setColumns} languages={languages} />}
      </RecordFormModal>
      <MoveDayModal visit={visit} day={movingDay} onClose={() => setMovingDay(null)} onMoved={() => notifySuccess(t('programme.dayMoved'))} />
      {remove.element}
    </Stack>
  );
}
