import type { JSX, ReactNode } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../contracts/common/permissions.js';
import { useSession } from '../../lib/session.js';
import { usePageTitle } from '../usePageTitle.js';
import { AnchorLink } from '../links.js';

function NoAccess(): JSX.Element {
  const { t } = useTranslation();
  usePageTitle(t('app:errors.forbiddenTitle'));
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('app:errors.forbiddenTitle')}</Title>
      <Text>{t('app:errors.forbiddenText')}</Text>
      <AnchorLink to="/">{t('app:notFound.home')}</AnchorLink>
    </Stack>
  );
}

/** Shows the page only to roles that have the permission (the server checks it anyway). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }): JSX.Element {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <NoAccess />;
}
