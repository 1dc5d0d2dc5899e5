import { useEffect, useRef, type ReactNode } from 'react';
import { Anchor, AppShell, Box, Burger, Button, Group, Kbd, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery, useOs } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UiLocale } from '../../contracts/common/locales.js';
import type { Permission } from '../../contracts/common/permissions.js';
import { api } from '../lib/api.js';
import { useSession } from '../lib/session.js';
import { SearchSpotlight, openSearch } from '../modules/search/SearchSpotlight.js';
import { errorMessage } from './components/ErrorAlert.js';
import { LanguageSwitcher } from './components/LanguageSwitcher.js';
import { ChevronDownIcon, SearchIcon } from './components/icons.js';
import classes from './Shell.module.css';
import { AnchorLink, NavLinkLink } from './links.js';

type NavItem = { to: '/' | '/organizations' | '/people' | '/visits' | '/gifts' | '/calendar' | '/import' | '/users' | '/audit'; label: string; permission?: Permission };

/** Focuses the main landmark, for the skip link and after each page change. */
function focusMain() {
  const main = document.getElementById('main-content');
  if (!main) return;
  main.focus({ preventScroll: true });
  main.scrollIntoView({ block: 'start' });
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main-content"
      className={classes.skipLink}
      onClick={(event) => {
        event.preventDefault();
        focusMain();
      }}
    >
      {t('app:skipToContent')}
    </a>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, can, refresh, signOut } = useSession();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const os = useOs();
  // The collapsed mobile navbar is only moved off screen: keep its links out of the tab order.
  const mobile = useMediaQuery('(max-width: 47.99em)');
  const mod = os === 'macos' || os === 'ios' ? '⌘' : 'Ctrl';

  // Move focus to the new page's content after client-side navigation (not on first load).
  const firstPath = useRef(pathname);
  useEffect(() => {
    close();
    if (pathname !== firstPath.current) {
      firstPath.current = '';
      focusMain();
    }
  }, [pathname, close]);

  const items: NavItem[] = [
    { to: '/', label: t('app:nav.home') },
    { to: '/organizations', label: t('app:nav.organizations') },
    { to: '/people', label: t('app:nav.people') },
    { to: '/visits', label: t('app:nav.visits'), permission: 'visits.read' },
    { to: '/calendar', label: t('app:nav.calendar'), permission: 'calendar.read' },
    { to: '/gifts', label: t('app:nav.gifts'), permission: 'visits.read' },
    { to: '/import', label: t('app:nav.import'), permission: 'directory.import' },
    { to: '/users', label: t('app:nav.users'), permission: 'users.manage' },
    { to: '/audit', label: t('app:nav.audit'), permission: 'audit.read' },
  ];
  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));

  const rememberLocale = async (locale: UiLocale) => {
    try {
      await api.patch('/api/auth/me', { locale });
      await refresh();
    } catch (error) {
      notifications.show({ color: 'red', title: t('app:language.notSaved'), message: errorMessage(error, t) });
    }
  };

  const onSignOut = async () => {
    await signOut();
    void navigate({ to: '/' });
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <SkipLink />
        <Group h="100%" px="md" gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('app:nav.close') : t('app:nav.open')}
              aria-expanded={opened}
              aria-controls="app-navbar"
            />
            <AnchorLink to="/" underline="never" className={classes.brand}>
              Legato
            </AnchorLink>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button
              variant="default"
              onClick={openSearch}
              aria-keyshortcuts="Control+K Meta+K"
              rightSection={
                <Box visibleFrom="md" component="span" aria-hidden="true">
                  <Kbd size="xs">{mod}</Kbd> <Kbd size="xs">K</Kbd>
                </Box>
              }
              className={classes.searchButton}
            >
              <span className={classes.searchIcon}>
                <SearchIcon />
              </span>
              <span className={classes.searchLabel}>{t('app:search.open')}</span>
            </Button>
            <LanguageSwitcher visibleFrom="sm" onChange={rememberLocale} />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton className={classes.userButton} aria-label={t('app:userMenu.label', { name: me.name })}>
                  <Text size="sm" fw={500} truncate="end" maw={180}>
                    {me.name}
                  </Text>
                  <ChevronDownIcon />
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t(`app:roles.${me.role}`)}</Menu.Label>
                <Menu.Item component={Link} to="/account">
                  {t('app:userMenu.account')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item onClick={() => void onSignOut()}>{t('app:userMenu.signOut')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        p="sm"
        id="app-navbar"
        component="nav"
        aria-label={t('app:nav.label')}
        inert={mobile && !opened ? true : undefined}
      >
        <Stack gap={2}>
          {items
            .filter((item) => !item.permission || can(item.permission))
            .map((item) => {
              const active = isActive(item.to);
              return (
                <NavLinkLink
                  key={item.to}
                  to={item.to}
                  label={item.label}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                />
              );
            })}
        </Stack>
        <Box hiddenFrom="sm" mt="lg">
          <Text size="sm" fw={500} mb={4} id="navbar-language-label">
            {t('app:language.label')}
          </Text>
          <LanguageSwitcher onChange={rememberLocale} aria-labelledby="navbar-language-label" />
        </Box>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
        <div className={classes.content}>{children}</div>
      </AppShell.Main>

      {/* In the flow after the page (not fixed): a contentinfo landmark that never covers content. */}
      <footer className={classes.footer}>
        <Group gap="md" justify="space-between" wrap="wrap">
          <AnchorLink to="/accessibility" size="sm">
            {t('app:footer.accessibility')}
          </AnchorLink>
          <Text size="sm" c="dimmed" visibleFrom="xs">
            {t('app:footer.tagline')}
          </Text>
        </Group>
      </footer>

      <SearchSpotlight />
    </AppShell>
  );
}
