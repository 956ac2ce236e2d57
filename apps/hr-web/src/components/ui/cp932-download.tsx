// A Shift_JIS download that never loses characters silently: the server lists the cells CP932
// cannot hold (𠮷野 would become 「?野」) before anything is written, and the user picks UTF-8 or
// Excel instead. Used by the 従業員一覧 CSV and the 更新用ファイル export.
import type { TCp932CheckResponse } from '@jinji/contracts/hr/employees';
import { apiClient, downloadFile } from '@jinji/web-kit/api-client';
import { Alert, Button, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type TDownloadChoice = { label: string; href: string };

/**
 * `start(checkUrl, cp932Href, alternatives)`: checks first, downloads the Shift_JIS file when every
 * cell fits, else opens the modal (`modal` must be rendered) with the cells and the alternatives.
 */
export function useCp932Download() {
  const [pending, setPending] = useState<{ check: TCp932CheckResponse; alternatives: TDownloadChoice[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isChecking, setIsChecking] = useState(false);
  const start = async (checkUrl: string, cp932Href: string, alternatives: TDownloadChoice[]) => {
    setError(null);
    setIsChecking(true);
    try {
      const check = await apiClient.get<TCp932CheckResponse>(checkUrl);
      if (check.total === 0) downloadFile(cp932Href);
      else setPending({ check, alternatives });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setIsChecking(false);
    }
  };
  const modal = pending && (
    <Cp932LossModal check={pending.check} alternatives={pending.alternatives} onClose={() => setPending(null)} />
  );
  return { start, modal, error, isChecking };
}

function Cp932LossModal({
  check,
  alternatives,
  onClose,
}: {
  check: TCp932CheckResponse;
  alternatives: TDownloadChoice[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('cp932.title')} size="lg">
      <Stack>
        <Alert color="orange">{t('cp932.lead', { total: check.total.toLocaleString('ja-JP') })}</Alert>
        <ScrollArea.Autosize mah={320}>
          <Table striped aria-label={t('cp932.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cp932.row')}</Table.Th>
                <Table.Th>{t('cp932.column')}</Table.Th>
                <Table.Th>{t('cp932.employeeNumber')}</Table.Th>
                <Table.Th>{t('cp932.characters')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {check.cells.map((c) => (
                <Table.Tr key={`${c.row}:${c.column}`}>
                  <Table.Td>{c.row}</Table.Td>
                  <Table.Td>{c.column}</Table.Td>
                  <Table.Td>{c.employeeNumber}</Table.Td>
                  <Table.Td>{c.characters}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {check.total > check.cells.length && (
          <Text size="sm" c="dimmed">
            {t('cp932.more', { shown: check.cells.length, total: check.total })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {alternatives.map((a) => (
            <Button
              key={a.href}
              onClick={() => {
                downloadFile(a.href);
                onClose();
              }}
            >
              {a.label}
            </Button>
          ))}
        </Group>
      </Stack>
    </Modal>
  );
}
