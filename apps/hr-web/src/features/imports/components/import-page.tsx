import { Alert, Button, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/ui/router-links';
import { isApiError } from '../../../lib/api-client';
import { importTemplateUrl, useUploadImport } from '../api/imports';
import { ImportHistory } from './import-history';
import { ImportJobPanel } from './import-job-panel';
import { StepCard } from './step-card';

/**
 * 一括登録・更新 (R-IMP-1…3), the seed's 手順 2–4: download 「新規登録用ファイル」, import it (progress,
 * then 正常終了 / エラー終了 with the rows), 取込履歴. The job shown lives in the URL (`jobId`).
 */
export function ImportPage({ jobId, onJobChange }: { jobId?: string; onJobChange: (id: string) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadImport();

  const submit = () => {
    if (!file) return;
    upload.mutate(file, {
      onSuccess: (job) => {
        setFile(null);
        onJobChange(job.id);
      },
    });
  };

  const uploadFields = isApiError(upload.error) ? upload.error.fields : [];

  return (
    <Stack>
      <Title order={2}>{t('nav.employeeImport')}</Title>
      <Text size="sm" c="dimmed">
        {t('imports.lead')}
      </Text>

      <StepCard n={1} title={t('imports.downloadTitle')}>
        <Text size="sm">{t('imports.downloadLead')}</Text>
        <Group>
          <Button component="a" href={importTemplateUrl('utf8')} download variant="default">
            {t('imports.templateUtf8')}
          </Button>
          <Button component="a" href={importTemplateUrl('cp932')} download variant="default">
            {t('imports.templateCp932')}
          </Button>
          <AnchorLink to="/admin/employees/import/rules" size="sm">
            {t('imports.rulesLink')}
          </AnchorLink>
        </Group>
      </StepCard>

      <StepCard n={2} title={t('imports.uploadTitle')}>
        <Group align="flex-end">
          <FileInput
            label={t('imports.file')}
            placeholder={t('imports.filePlaceholder')}
            accept=".csv,text/csv"
            value={file}
            onChange={(f) => {
              setFile(f);
              upload.reset();
            }}
            clearable
            w={360}
          />
          <Button onClick={submit} disabled={!file} loading={upload.isPending}>
            {t('imports.submit')}
          </Button>
        </Group>
        <List size="sm" c="dimmed" listStyleType="none" spacing={2}>
          <List.Item>{t('imports.noteStartup')}</List.Item>
          <List.Item>{t('imports.noteAllOrNothing')}</List.Item>
        </List>
        {upload.error && (
          <Alert color="red" role="alert" title={t('imports.uploadFailed')}>
            <Text size="sm">{upload.error.message}</Text>
            {uploadFields.length > 0 && (
              <Table withTableBorder withColumnBorders bg="white" mt="xs" fz="sm">
                <Table.Tbody>
                  {uploadFields.map((f) => (
                    <Table.Tr key={`${f.path}:${f.message}`}>
                      <Table.Td w="35%">{f.path}</Table.Td>
                      <Table.Td>{f.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Alert>
        )}
      </StepCard>

      {jobId && <ImportJobPanel key={jobId} id={jobId} />}

      <StepCard n={3} title={t('imports.historyTitle')}>
        <ImportHistory selectedId={jobId} onSelect={onJobChange} />
      </StepCard>
    </Stack>
  );
}
