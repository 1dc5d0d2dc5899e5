import type { TFunction } from 'i18next';
import { UI_LOCALES } from '../../../../contracts/common/locales.js';
import { ROLES } from '../../../../contracts/common/permissions.js';

export const roleOptions = (t: TFunction) => ROLES.map((role) => ({ value: role, label: t(`app:roles.${role}`) }));
export const localeOptions = (t: TFunction) => UI_LOCALES.map((l) => ({ value: l, label: t(`app:languageNames.${l}`) }));
