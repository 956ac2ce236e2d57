import { FILE_FORMATS, type TFileFormat } from '@jinji/contracts/common/enums';
import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCp932Download } from '../../../components/ui/cp932-download';

/**
 * 【CSV（UTF-8）】【CSV（Shift_JIS）】【Excel（.xlsx）】: plain download links (GET needs no CSRF token).
 * With `cp932CheckUrl` (exports of stored data, not templates) Shift_JIS is checked first and the
 * cells it cannot hold are listed, with UTF-8 and Excel offered instead.
 */
export function DownloadButtons({
  href,
  cp932CheckUrl,
  size = 'sm',
  children,
}: {
  href: (format: TFileFormat) => string;
  cp932CheckUrl?: string;
  size?: 'xs' | 'sm';
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const cp932 = useCp932Download();
  const link = (format: TFileFormat) =>
    cp932CheckUrl && format === 'cp932'
      ? {
          loading: cp932.isChecking,
          onClick: () =>
            void cp932.start(cp932CheckUrl, href('cp932'), [
              { label: t('cp932.asUtf8'), href: href('utf8') },
              { label: t('cp932.asXlsx'), href: href('xlsx') },
            ]),
        }
      : { component: 'a' as const, href: href(format), download: true };
  return (
    <Group gap="xs">
      {cp932.modal}
      {FILE_FORMATS.map((format) => (
        <Button
          key={format}
          {...link(format)}
          size={size}
          variant={format === 'xlsx' ? 'light' : 'default'}
          color={format === 'xlsx' ? 'green' : undefined}
          title={t(`imports.formatHints.${format}`)}
        >
          {t(`imports.formats.${format}`)}
        </Button>
      ))}
      {children}
      {cp932.error && <Alert color="red">{cp932.error}</Alert>}
    </Group>
  );
}
