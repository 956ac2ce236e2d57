import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language === 'en' ? 'en' : 'ja'}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      data={[
        { value: 'ja', label: '日本語' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
