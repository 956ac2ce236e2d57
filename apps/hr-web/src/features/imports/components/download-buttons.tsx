import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FILE_FORMATS, type TFileFormat } from '../api/imports';

/** 【CSV（UTF-8）】【CSV（Shift_JIS）】【Excel（.xlsx）】: plain download links (GET needs no CSRF token). */
export function DownloadButtons({
  href,
  size = 'sm',
  children,
}: {
  href: (format: TFileFormat) => string;
  size?: 'xs' | 'sm';
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {FILE_FORMATS.map((format) => (
        <Button
          key={format}
          component="a"
          href={href(format)}
          download
          size={size}
          variant={format === 'xlsx' ? 'light' : 'default'}
          color={format === 'xlsx' ? 'green' : undefined}
          title={t(`imports.formatHints.${format}`)}
        >
          {t(`imports.formats.${format}`)}
        </Button>
      ))}
      {children}
    </Group>
  );
}
