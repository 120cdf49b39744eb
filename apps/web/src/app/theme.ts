import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Sarabun/Noto Sans Thai where installed, the system font otherwise: nothing is fetched from a
// font CDN (the app must work on a closed network).
export const theme = createTheme({
  fontFamily: '"Noto Sans Thai", Sarabun, "Segoe UI", system-ui, -apple-system, sans-serif',
  headings: { fontFamily: '"Noto Sans Thai", Sarabun, "Segoe UI", system-ui, -apple-system, sans-serif' },
  primaryColor: 'indigo',
  // Darker shades than the default on light backgrounds: text on buttons and links meets WCAG AA.
  primaryShade: { light: 8, dark: 5 },
});

/**
 * Mantine's "dimmed" text (gray.6, #868e96) is 3.3:1 on white, under WCAG AA's 4.5:1 for body
 * text (axe's color-contrast, run on every page by the e2e tests): gray.7 keeps it quieter than
 * the main text and readable. Teal's light variant (a "held" badge, the "saved" notice) puts
 * teal.9 text on a ground where it reads 4.3:1; on teal.0 it reads 4.7:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: { '--mantine-color-dimmed': resolved.colors.gray[7], '--mantine-color-teal-light': resolved.colors.teal[0] },
  dark: {},
});
