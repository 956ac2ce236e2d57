import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Under a paginated list: 全N件 and the page buttons (only when there is more than one page). */
export function ListFooter(props: { total: number; pageSize: number; page: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const totalPages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {t('kit.total', { total: props.total.toLocaleString('ja-JP') })}
      </Text>
      {totalPages > 1 && (
        <Pagination
          total={totalPages}
          value={props.page}
          onChange={props.onPage}
          getControlProps={() => ({ 'aria-label': t('kit.pagination') })}
        />
      )}
    </Group>
  );
}
