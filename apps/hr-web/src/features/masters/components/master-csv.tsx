import { CSV_ENCODINGS } from '@jinji/contracts/common/enums';
import type { TMasterKind } from '@jinji/contracts/hr/masters';
import { isApiError } from '@jinji/web-kit/api-client';
import { Alert, Button, FileButton, Menu, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { masterExportUrl } from '../api/masters';

/** 【CSV出力】 with the 文字コード choice: a plain download link (GET needs no CSRF token). */
export function MasterCsvExportButton({ kind }: { kind: TMasterKind }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">{t('masters.csvExport')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('masters.encoding')}</Menu.Label>
        {CSV_ENCODINGS.map((encoding) => (
          <Menu.Item key={encoding} component="a" href={masterExportUrl(kind, encoding)} download>
            {t(`masters.encodings.${encoding}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** 【CSV取込】: picks the file; the page sends it (raw body) and shows the result below its toolbar. */
export function MasterCsvImportButton({ onFile, loading }: { onFile: (file: File) => void; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <FileButton onChange={(file) => file && onFile(file)} accept=".csv,text/csv">
      {(props) => (
        <Button {...props} variant="default" loading={loading}>
          {t('masters.csvImport')}
        </Button>
      )}
    </FileButton>
  );
}

/** {created, updated}, or the 422 CSV_INVALID list as 行・項目 / エラー内容 (all rows or none are imported). */
export function CsvImportResult({
  created,
  updated,
  error,
  onClose,
}: {
  created?: number;
  updated?: number;
  error: Error | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  if (!error) {
    return (
      <Alert color="teal" withCloseButton onClose={onClose} title={t('masters.csvImported')}>
        {t('masters.csvImportedCounts', { created, updated })}
      </Alert>
    );
  }
  const fields = isApiError(error) ? error.fields : [];
  return (
    <Alert color="red" role="alert" withCloseButton onClose={onClose} title={error.message}>
      {fields.length > 0 && (
        <Table withTableBorder withColumnBorders bg="white" mt="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="35%">{t('masters.csvErrorWhere')}</Table.Th>
              <Table.Th>{t('masters.csvErrorMessage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f) => (
              <Table.Tr key={`${f.path}:${f.message}`}>
                <Table.Td>{f.path}</Table.Td>
                <Table.Td>{f.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {fields.length === 0 && <Text size="sm">{t('masters.csvNothingImported')}</Text>}
    </Alert>
  );
}
