import type { ReactNode } from 'react';
import { Anchor, Box, Group } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './components/LanguageSwitcher.js';
import { SkipLink } from './Shell.js';
import classes from './Shell.module.css';
import { AnchorLink } from './links.js';

/** The frame of pages that need no account (the accessibility statement). */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <Box component="header" className={classes.publicHeader} px="md">
        <SkipLink />
        <Group h={60} justify="space-between" wrap="nowrap">
          <AnchorLink to="/" underline="never" className={classes.brand}>
            Legato
          </AnchorLink>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitcher />
            <AnchorLink to="/" size="sm">
              {t('app:signIn')}
            </AnchorLink>
          </Group>
        </Group>
      </Box>
      <Box component="main" id="main-content" tabIndex={-1} p="md" className={classes.main}>
        <div className={classes.content}>{children}</div>
      </Box>
    </>
  );
}
