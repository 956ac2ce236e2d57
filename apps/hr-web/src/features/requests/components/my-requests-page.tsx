// My STORY › 届出: the employee's own requests, newest first, with the お知らせ and 【届出をする】.

import { ListFooter } from '@jinji/web-kit/ui/list-footer';
import { ListStates } from '@jinji/web-kit/ui/list-states';
import { ButtonLink } from '@jinji/web-kit/ui/router-links';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { myRequestsQueryOptions } from '../api/requests';
import { RequestListTable } from './request-list-table';
import { RequestNoticeList } from './request-notices';

export function MyRequestsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, error, isPlaceholderData } = useQuery(myRequestsQueryOptions(page));
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('requests.myTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('requests.myLead')}
          </Text>
        </div>
        <ButtonLink to="/my/requests/new">{t('requests.newButton')}</ButtonLink>
      </Group>
      <RequestNoticeList />
      <ListStates error={error} data={data} emptyText={t('requests.empty')} isPlaceholderData={isPlaceholderData}>
        {(d) => <RequestListTable page={d} detailTo="/my/requests/$id" withApplicant={false} />}
      </ListStates>
      {data && <ListFooter total={data.total} pageSize={data.pageSize} page={page} onPage={setPage} />}
    </Stack>
  );
}
