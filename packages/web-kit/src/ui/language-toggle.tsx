import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** 日本語 / English: the other language's texts are fetched by the kit's i18n backend when first chosen. */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('kit.language')}
      value={i18n.language === 'en' ? 'en' : 'ja'}
      onChange={(lng) => void i18n.changeLanguage(lng === 'en' ? 'en' : 'ja')}
      data={[
        { value: 'ja', label: '日本語' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
