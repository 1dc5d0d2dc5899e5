import { Anchor, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { JSX } from 'react';
import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.js';
import { usePageTitle } from '../usePageTitle.js';
import { ErrorAlert } from './ErrorAlert.js';
import { AnchorLink } from '../links.js';

export function RoutePending(): JSX.Element {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('app:loading')} />
    </Center>
  );
}

export function NotFoundPage(): JSX.Element {
  const { t } = useTranslation();
  usePageTitle(t('app:notFound.title'));
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('app:notFound.title')}</Title>
      <Text>{t('app:notFound.text')}</Text>
      <AnchorLink to="/">
        {t('app:notFound.home')}
      </AnchorLink>
    </Stack>
  );
}

export function RouteErrorPage({ error, reset }: ErrorComponentProps): JSX.Element {
  const { t } = useTranslation();
  const forbidden = error instanceof ApiError && error.status === 403;
  const title = forbidden ? t('app:errors.forbiddenTitle') : t('app:errors.title');
  usePageTitle(title);
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{title}</Title>
      <ErrorAlert error={error} title="" />
      {!forbidden && (
        <div>
          <Button variant="default" onClick={reset}>
            {t('app:actions.retry')}
          </Button>
        </div>
      )}
    </Stack>
  );
}
