/** What modules may take from the shell. */
export { usePageTitle } from './usePageTitle.js';
export { ErrorAlert, errorMessage } from './components/ErrorAlert.js';
export { LanguageSwitcher } from './components/LanguageSwitcher.js';
export { AnchorLink, ButtonLink, NavLinkLink } from './links.js';
