import { notifications } from '@mantine/notifications';
import i18n from '../lib/i18n';
import './i18n';

/** A short confirmation ("Saved."), with a labelled close button. */
export function notifySuccess(message: string) {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': i18n.t('ui:actions.closeNotification') } });
}
