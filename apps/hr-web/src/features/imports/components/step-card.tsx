import { Badge, Group, Paper, Stack, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** One numbered step of the seed's 手順 (a labelled region: STEP 1 「新規登録用ファイル」をダウンロード …). */
export function StepCard({
  n,
  title,
  aside,
  children,
}: {
  n: number;
  title: string;
  /** beside the title, e.g. the chosen 取込の種類 */
  aside?: React.ReactNode;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group gap="sm">
          <Badge size="lg" radius="sm" variant="filled">
            {t('imports.step', { n })}
          </Badge>
          <Title order={3} size="h4" id={id}>
            {title}
          </Title>
          {aside}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
