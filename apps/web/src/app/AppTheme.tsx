import { createTheme, MantineProvider, mergeThemeOverrides, Modal } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, theme } from './theme';

/**
 * Mantine with the app's theme, plus what needs words: every dialog's close button is named in
 * the reader's language (Mantine leaves it unnamed, which axe counts as a critical failure).
 */
export function AppTheme({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const closeLabel = t('common.close');
  const localized = useMemo(
    () => mergeThemeOverrides(theme, createTheme({ components: { Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }) } })),
    [closeLabel],
  );
  return (
    <MantineProvider theme={localized} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}
