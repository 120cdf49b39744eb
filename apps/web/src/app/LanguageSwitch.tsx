import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, rememberLanguage } from '../i18n/i18n';
import { isLanguage } from '../i18n/languages';

/** Thai / English, remembered on this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size="xs"
      value={currentLanguage(i18n)}
      onChange={(value) => {
        if (!isLanguage(value)) return;
        rememberLanguage(value);
        void i18n.changeLanguage(value);
      }}
      data={[
        { value: 'th', label: t('language.th') },
        { value: 'en', label: t('language.en') },
      ]}
    />
  );
}
