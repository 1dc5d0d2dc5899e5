import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import './i18n';

/** A failed request, in the server's own (localised) words. */
export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation('ui');
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t('errors.unexpected');
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      {message}
    </Alert>
  );
}
