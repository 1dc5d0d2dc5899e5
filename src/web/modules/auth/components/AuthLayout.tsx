import type { ReactNode } from 'react';
import { Anchor, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../../app/components/LanguageSwitcher.js';
import classes from './AuthLayout.module.css';
import { AnchorLink } from '../../../app/links.js';

/** The centred card of the sign-in and setup screens, with a language switcher above it. */
export function AuthLayout({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const { t } = useTranslation('auth');
  return (
    <Box className={classes.page}>
      <Box component="header" px="md" py="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text className={classes.brand}>Legato</Text>
          <LanguageSwitcher />
        </Group>
      </Box>
      <Center component="main" id="main-content" tabIndex={-1} className={classes.main} px="md">
        <Stack w="100%" maw={440} gap="md">
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <Stack gap="md">
              <div>
                <Title order={1} size="h2">
                  {title}
                </Title>
                {intro && (
                  <Text c="dimmed" size="sm" mt={4}>
                    {intro}
                  </Text>
                )}
              </div>
              {children}
            </Stack>
          </Paper>
          <Text size="sm" c="dimmed" ta="center">
            {t('tagline')}
          </Text>
        </Stack>
      </Center>
      <Box component="footer" px="md" py="sm" ta="center">
        <AnchorLink to="/accessibility" size="sm">
          {t('app:footer.accessibility')}
        </AnchorLink>
      </Box>
    </Box>
  );
}
