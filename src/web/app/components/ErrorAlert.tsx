import { Alert, type AlertProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.js';

/** The message to show for a failed request: the server's localised detail, or a network note. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return error.problem.detail || error.problem.title || t('app:errors.generic');
  if (error instanceof TypeError) return t('app:errors.network');
  return t('app:errors.generic');
}

/** An alert for a failed request; renders nothing without an error. */
export function ErrorAlert({ error, title, ...props }: { error: unknown; title?: string } & Omit<AlertProps, 'title' | 'children'>) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title ?? t('app:errors.title')} {...props}>
      {errorMessage(error, t)}
    </Alert>
  );
}
