import { createTheme } from '@mantine/core';

// Sarabun/Noto Sans Thai where installed, the system font otherwise: nothing is fetched from a
// font CDN (the app must work on a closed network).
export const theme = createTheme({
  fontFamily: '"Noto Sans Thai", Sarabun, "Segoe UI", system-ui, -apple-system, sans-serif',
  headings: { fontFamily: '"Noto Sans Thai", Sarabun, "Segoe UI", system-ui, -apple-system, sans-serif' },
  primaryColor: 'indigo',
  // Darker shades than the default on light backgrounds: text on buttons and links meets WCAG AA.
  primaryShade: { light: 8, dark: 5 },
});
