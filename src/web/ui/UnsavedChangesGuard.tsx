import { Button, Group, Modal, Text } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';

/**
 * Asks before leaving a form with unsaved changes: in the app (a dialog) and when closing or
 * reloading the tab (the browser's own prompt). Call `allow()` right before navigating away
 * after a successful save.
 */
export function useUnsavedChangesGuard(dirty: boolean) {
  const { t } = useTranslation('ui');
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const allowed = useRef(false);

  const blocker = useBlocker({
    shouldBlockFn: () => dirtyRef.current && !allowed.current,
    enableBeforeUnload: () => dirtyRef.current && !allowed.current,
    withResolver: true,
  });

  const allow = useCallback(() => {
    allowed.current = true;
  }, []);

  const element = (
    <Modal opened={blocker.status === 'blocked'} onClose={() => blocker.reset?.()} title={t('unsaved.title')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Text mb="md">{t('unsaved.body')}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t('unsaved.stay')}
        </Button>
        <Button color="red.9" onClick={() => blocker.proceed?.()}>
          {t('unsaved.leave')}
        </Button>
      </Group>
    </Modal>
  );

  return { element, allow };
}
