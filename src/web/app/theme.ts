import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * A calm deep blue. Shade 7 is the filled colour (7.9:1 against white); shades 5 and up pass
 * WCAG AA for normal text on white, so links and outlines stay readable.
 */
const legatoBlue: MantineColorsTuple = [
  '#edf2fa',
  '#d8e2f3',
  '#b0c4e6',
  '#86a4d8',
  '#6188cb',
  '#4673c0',
  '#2f5fb0',
  '#224f9c',
  '#1b4385',
  '#14346a',
];

/**
 * Mantine's palettes with shades 6–9 darkened just enough for WCAG AA: white text on a filled
 * button (shade 7) ≥ 4.6:1, and light badges/alerts (shade 9 on shade 1) ≥ 5:1. Mantine's own
 * green, red and orange buttons and badges fall to 2.4–3.8:1.
 */
const accessiblePalettes: Record<string, MantineColorsTuple> = {
  red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#fa5252', '#d83838', '#c52b2b', '#bb2727'],
  orange: ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#e17012', '#c35106', '#b34509', '#b23b0c'],
  yellow: ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#bc8404', '#a26900', '#975800', '#a15300'],
  green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#36a34a', '#298439', '#247834', '#247434'],
  teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#10a276', '#0a8560', '#077654', '#077252'],
  cyan: ['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#139cb0', '#0d8091', '#0a7284', '#0b6d80'],
  lime: ['#f4fce3', '#e9fac8', '#d8f5a2', '#c0eb75', '#a9e34b', '#94d82d', '#679f18', '#51810f', '#46740a', '#48730a'],
  blue: ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#228be6', '#1a76c9', '#186ab6', '#1863a9'],
};

export const theme = createTheme({
  primaryColor: 'legato',
  primaryShade: { light: 7, dark: 4 },
  colors: { ...accessiblePalettes, legato: legatoBlue },
  black: '#1a1f29',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Georgian", "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Georgian", "Helvetica Neue", Arial, sans-serif',
    fontWeight: '650',
  },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

/**
 * Mantine's default dimmed (gray 6), placeholder (gray 5) and error (red 6) greys and reds fall
 * below 4.5:1 on white; these pass WCAG AA (≥ 5:1) while keeping the calm look.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5b6470',
    '--mantine-color-placeholder': '#676f7b',
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-anchor': 'var(--mantine-color-legato-7)',
  },
  dark: {},
});
