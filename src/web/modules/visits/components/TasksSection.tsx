import { Alert, Badge, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_SERVICES, TaskCreateSchema, type Task } from '../../../../contracts/visits.logistics';
import type { Visit } from '../../../../contracts/visits';
import { ApiError } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { IconAlert } from '../../../ui/icons';
import { UserSelect } from '../../../ui/UserSelect';
import { records, useRefreshVisit } from '../visits.api';
import { RecordFormModal } from './RecordFormModal';
import { EmptyNote, RowActions, SectionHeader, useDeleteRecord } from './RecordParts';
import classes from './TasksSection.module.css';

type Values = { title: string; assigneeId: string | null; dueDate: string; done: boolean; service: string | null; notes: string };

const values = (task: Task | null): Values => ({
  title: task?.title ?? '',
  assigneeId: task?.assignee?.id ?? null,
  dueDate: task?.dueDate ?? '',
  done: task?.done ?? false,
  service: task?.service ?? null,
  notes: task?.notes ?? '',
});
const payload = (v: Values) => ({ title: v.title.trim(), assigneeId: v.assigneeId || null, dueDate: v.dueDate || null, done: v.done, service: v.service || null, notes: v.notes });

/** Coordination tasks with other services: a checklist; overdue ones say so in words, with an icon. */
export function TasksSection({ visit, canWrite }: { visit: Visit; canWrite: boolean }) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const refresh = useRefreshVisit(visit.id);
  const [editing, setEditing] = useState<Task | 'new' | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = useDeleteRecord<Task>('visit-tasks', visit.id, { name: (task) => task.title, what: t('tasks.what') });
  const known = [visit.responsible, visit.owner, ...visit.tasks.map((task) => task.assignee)];
  const tasks = [...visit.tasks].sort((a, b) => Number(a.done) - Number(b.done) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));

  const toggle = async (task: Task, done: boolean) => {
    setToggling(task.id);
    setProblem(null);
    try {
      await records.update('visit-tasks', task.id, { version: task.version, done });
    } catch (e) {
      setProblem(e instanceof ApiError && e.code === 'version_conflict' ? t('tasks.conflict', { name: task.title }) : e instanceof Error ? e.message : t('form.unexpected'));
    } finally {
      await refresh();
      setToggling(null);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="tasks-title">
      <SectionHeader id="tasks-title" title={t('tasks.title')} addLabel={canWrite ? t('tasks.add') : undefined} onAdd={() => setEditing('new')} testId="add-task" />
      {problem && (
        <Alert color="red" variant="light" role="alert" mb="sm" withCloseButton closeButtonLabel={t('form.dismiss')} onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      )}
      {tasks.length === 0 ? (
        <EmptyNote>{t('tasks.empty')}</EmptyNote>
      ) : (
        <Stack component="ul" gap={0} className={classes.list} data-testid="tasks">
          {tasks.map((task) => (
            <li key={task.id} className={classes.task} data-overdue={task.overdue || undefined}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Checkbox
                    label={<Text td={task.done ? 'line-through' : undefined} fw={500} size="sm">{task.title}</Text>}
                    checked={task.done}
                    disabled={!canWrite || toggling === task.id}
                    onChange={(e) => void toggle(task, e.currentTarget.checked)}
                    aria-describedby={`task-meta-${task.id}`}
                  />
                  <Group gap="xs" ml={32} id={`task-meta-${task.id}`} wrap="wrap">
                    {task.overdue && (
                      <Text size="sm" fw={700} c="red.9" className={classes.overdue}>
                        <IconAlert size={16} />
                        {t('tasks.overdue', { date: formatDate(task.dueDate, lang) })}
                      </Text>
                    )}
                    {!task.overdue && task.dueDate && <Text size="sm">{t('tasks.due', { date: formatDate(task.dueDate, lang) })}</Text>}
                    {task.assignee && <Text size="sm">{t('tasks.assigneeShort', { name: task.assignee.name })}</Text>}
                    {task.service && (
                      <Badge variant="outline" color="dark.6" tt="none">
                        {t(`tasks.services.${task.service}`)}
                      </Badge>
                    )}
                    {task.done && task.doneAt && <Text size="sm">{t('tasks.doneOn', { date: formatDate(task.doneAt, lang) })}</Text>}
                  </Group>
                  {task.notes && (
                    <Text size="sm" ml={32} style={{ whiteSpace: 'pre-wrap' }}>
                      {task.notes}
                    </Text>
                  )}
                </Stack>
                {canWrite && <RowActions name={task.title} onEdit={() => setEditing(task)} onDelete={() => remove.ask(task)} />}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      <RecordFormModal<Values, Task>
        kind="visit-tasks"
        visitId={visit.id}
        record={editing === 'new' ? null : editing}
        opened={editing !== null}
        title={editing === 'new' ? t('tasks.add') : t('tasks.editTitle', { name: (editing as Task | null)?.title ?? '' })}
        schema={TaskCreateSchema}
        values={values}
        payload={payload}
        latest={(v) => v.tasks.find((x) => x.id === (editing as Task)?.id)}
        fieldLabel={(key) => (i18n.exists(`visits:tasks.${key}`) ? t(`tasks.${key}`) : key)}
        savedMessage={(task) => t('tasks.saved', { name: task.title })}
        onClose={() => setEditing(null)}
        onSaved={refresh}
        testId="task-form"
      >
        {(form) => (
          <Stack gap="md">
            <TextInput label={t('tasks.taskTitle')} withAsterisk maxLength={300} data-autofocus {...form.getInputProps('title')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <UserSelect label={t('tasks.assignee')} known={known} value={form.values.assigneeId} onChange={(id) => form.setFieldValue('assigneeId', id)} error={form.errors.assigneeId} />
              <TextInput type="date" label={t('tasks.dueDate')} {...form.getInputProps('dueDate')} />
              <Select label={t('tasks.service')} placeholder={t('tasks.noService')} data={TASK_SERVICES.map((s) => ({ value: s, label: t(`tasks.services.${s}`) }))} clearable {...form.getInputProps('service')} />
            </SimpleGrid>
            <Checkbox label={t('tasks.done')} {...form.getInputProps('done', { type: 'checkbox' })} />
            <Textarea label={t('fields.notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
          </Stack>
        )}
      </RecordFormModal>
      {remove.element}
    </Paper>
  );
}
