import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../contracts/common/dates';
import type { Visit } from '../../../../contracts/visits';
import { ApiError } from '../../../lib/api';
import { formatDay } from '../../../lib/format';
import { moveDay, useRefreshVisit, visitKeys } from '../visits.api';

/**
 * Moves one day of the programme to another date. The server moves every later day by the same
 * number of days, and the visit's dates with them.
 */
export function MoveDayModal({ visit, day, onClose, onMoved }: { visit: Visit; day: string | null; onClose: () => void; onMoved: () => void }) {
  const { t, i18n } = useTranslation('visits');
  const queryClient = useQueryClient();
  const refresh = useRefreshVisit(visit.id);
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (day) {
      setTo(addDays(day, 1));
      setError(null);
    }
  }, [day]);

  const submit = async () => {
    if (!day || !to) return;
    setSaving(true);
    setError(null);
    try {
      const result = await moveDay(visit.id, { version: visit.version, from: day, to });
      queryClient.setQueryData<Visit>(visitKeys.detail(visit.id), (old) => (old ? { ...old, version: result.version, startDate: result.startDate, endDate: result.endDate, programme: result.programme } : old));
      await refresh();
      onMoved();
      onClose();
    } catch (e) {
      if (e instanceof ApiError) {
        const fields = e.fieldErrors();
        setError(fields.to ?? fields.from ?? (e.code === 'version_conflict' ? t('programme.conflict') : e.message));
        if (e.code === 'version_conflict') await refresh();
      } else setError(t('form.unexpected'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={!!day} onClose={onClose} title={t('programme.moveDayTitle', { day: day ? formatDay(day, i18n.language) : '' })} closeButtonProps={{ 'aria-label': t('form.close') }}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('programme.moveDayExplain')}</Text>
          <TextInput type="date" label={t('programme.moveDayTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={error} withAsterisk data-autofocus data-testid="move-day-to" />
          {error && !to && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={saving}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={saving} disabled={!to || to === day} data-testid="move-day-submit">
              {t('programme.moveDaySubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
