import type { TImportKind } from '@jinji/contracts/hr/imports';
import { isApiError } from '@jinji/web-kit/api-client';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkImportFile,
  employeeUpdateCp932CheckUrl,
  employeeUpdateExportUrl,
  importTemplateUrl,
  type TImportFileCheck,
  useUploadImport,
  XLSX_MIME,
} from '../api/imports';
import { DownloadButtons } from './download-buttons';
import { ImportHistory } from './import-history';
import { ImportJobPanel } from './import-job-panel';
import { ImportKindControl } from './import-kind-control';
import { StepCard } from './step-card';
import { UpdateRules } from './update-rules';

const ACCEPT = `.csv,.xlsx,text/csv,${XLSX_MIME}`;

/**
 * 一括登録・更新 (R-IMP-1…6), the seed's 手順 2–4 for each 取込の種類 (新規登録 / 更新 / 勤怠実績):
 * download the file (CSV or Excel; for 更新 also the current data), import it (progress, then 正常終了 /
 * エラー終了 with the rows), 取込履歴. The kind and the job shown live in the URL (`kind`, `job`).
 */
export function ImportPage({
  kind,
  jobId,
  onKindChange,
  onJobChange,
}: {
  kind: TImportKind;
  jobId?: string;
  onKindChange: (kind: TImportKind) => void;
  onJobChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [fileCheck, setFileCheck] = useState<TImportFileCheck>('ok');
  const upload = useUploadImport();

  const submit = () => {
    if (!file || fileCheck !== 'ok') return;
    upload.mutate(
      { file, kind },
      {
        onSuccess: (job) => {
          setFile(null);
          onJobChange(job.id);
        },
      },
    );
  };

  const uploadFields = isApiError(upload.error) ? upload.error.fields : [];
  const fileName = t(`imports.fileNames.${kind}`);
  const rulesLink = (
    <AnchorLink to="/admin/employees/import/rules" search={{ kind }} size="sm">
      {t('imports.rulesLink')}
    </AnchorLink>
  );

  return (
    <Stack>
      <Title order={2}>{t('nav.employeeImport')}</Title>
      <Text size="sm" c="dimmed">
        {t('imports.lead')}
      </Text>

      <Stack gap={6}>
        <Text size="sm" fw={700}>
          {t('imports.kindLabel')}
        </Text>
        <ImportKindControl
          value={kind}
          onChange={(next) => {
            upload.reset();
            onKindChange(next);
          }}
        />
        <Text size="sm">{t(`imports.kindLeads.${kind}`)}</Text>
      </Stack>

      {kind === 'employees_update' ? (
        <StepCard n={1} title={t('imports.prepareUpdateTitle')}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <DownloadBox title={t('imports.exportTitle')} lead={t('imports.exportLead')}>
              <DownloadButtons href={employeeUpdateExportUrl} cp932CheckUrl={employeeUpdateCp932CheckUrl} size="xs" />
            </DownloadBox>
            <DownloadBox title={t('imports.blankTemplateTitle')} lead={t('imports.downloadLeads.employees_update')}>
              <DownloadButtons href={(format) => importTemplateUrl(kind, format)} size="xs" />
              {rulesLink}
            </DownloadBox>
          </SimpleGrid>
          <UpdateRules />
        </StepCard>
      ) : (
        <StepCard n={1} title={t('imports.downloadTitle', { file: fileName })}>
          <Text size="sm">{t(`imports.downloadLeads.${kind}`)}</Text>
          <Group gap="md">
            <DownloadButtons href={(format) => importTemplateUrl(kind, format)} />
            {rulesLink}
          </Group>
          {kind === 'employees_new' && (
            <Text size="xs" c="dimmed">
              {t('imports.excelNote')}
            </Text>
          )}
        </StepCard>
      )}

      <StepCard
        n={2}
        title={t('imports.uploadTitle')}
        aside={
          <Badge variant="light" color="gray" size="lg" radius="sm">
            {t(`imports.kinds.${kind}`)}
          </Badge>
        }
      >
        <Group align="flex-start">
          <FileInput
            label={t('imports.file')}
            placeholder={t('imports.filePlaceholder')}
            accept={ACCEPT}
            value={file}
            onChange={(f) => {
              setFile(f);
              setFileCheck(f ? checkImportFile(f) : 'ok');
              upload.reset();
            }}
            error={
              fileCheck === 'type'
                ? t('imports.fileWrongType')
                : fileCheck === 'size'
                  ? t('imports.fileTooLarge')
                  : null
            }
            clearable
            w={{ base: '100%', sm: 400 }}
          />
          {/* aligned with the input, below its label */}
          <Button onClick={submit} disabled={!file || fileCheck !== 'ok'} loading={upload.isPending} mt={25}>
            {t('imports.submit')}
          </Button>
        </Group>
        <List size="sm" c="dimmed" listStyleType="none" spacing={2}>
          <List.Item>{t('imports.noteFormats')}</List.Item>
          {kind === 'employees_new' && <List.Item>{t('imports.noteStartup')}</List.Item>}
          {kind === 'attendance' && <List.Item>{t('imports.noteAttendanceReplace')}</List.Item>}
          <List.Item>{t(`imports.noteAllOrNothing.${kind}`)}</List.Item>
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

/** One way to get the file, as a labelled group (its buttons share names with the other box). */
function DownloadBox({ title, lead, children }: { title: string; lead: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-labelledby={id} bg="var(--mantine-color-gray-0)">
      <Stack gap="xs">
        <Title order={4} size="h5" id={id}>
          {title}
        </Title>
        <Text size="sm">{lead}</Text>
        {children}
      </Stack>
    </Paper>
  );
}
