import { MASTER_KIND_INFO, MASTER_KINDS, type TMasterKind } from '@jinji/contracts/hr/masters';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../../lib/session';
import { masterCountsQueryOptions } from '../api/masters';
import type { ja } from '../locales/ja';

/** A group's label is keyed by the first kind of the group (会社 → company, 契約条件 → employment_type…). */
type TGroupKey = keyof (typeof ja)['masters']['groups'];

/** The kinds in the order of MASTER_KINDS, grouped as マスタメンテナンス一覧 shows them. */
function groupKinds(kinds: readonly TMasterKind[]): [TGroupKey, TMasterKind[]][] {
  const groups = new Map<string, [TGroupKey, TMasterKind[]]>();
  for (const kind of kinds) {
    const group = MASTER_KIND_INFO[kind].group;
    const entry = groups.get(group);
    if (entry) entry[1].push(kind);
    else groups.set(group, [kind as TGroupKey, [kind]]);
  }
  return [...groups.values()];
}

/** マスタメンテナンス一覧: every master the user may open, with its row count. */
export function MastersIndexPage() {
  const { t } = useTranslation();
  const me = useMe();
  const counts = useQuery(masterCountsQueryOptions);
  const kinds = MASTER_KINDS.filter((k) => hasPermission(me, MASTER_KIND_INFO[k].permission));

  return (
    <Stack>
      <Title order={2}>{t('masters.title')}</Title>
      <Text c="dimmed">{t('masters.lead')}</Text>
      {counts.error && <Alert color="red">{counts.error.message}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {groupKinds(kinds).map(([groupKey, members]) => (
          <Card key={groupKey} withBorder radius="md" component="section" aria-label={t(`masters.groups.${groupKey}`)}>
            <Title order={3} size="h5" mb="xs">
              {t(`masters.groups.${groupKey}`)}
            </Title>
            <Stack gap={6}>
              {members.map((kind) => (
                <Group key={kind} justify="space-between" wrap="nowrap">
                  <AnchorLink to="/admin/masters/$kind" params={{ kind }}>
                    {t(`masters.kinds.${kind}`)}
                  </AnchorLink>
                  <Badge
                    variant="light"
                    color="gray"
                    aria-label={t('masters.countOf', { label: t(`masters.kinds.${kind}`) })}
                  >
                    {counts.data ? t('masters.count', { count: counts.data.counts[kind] ?? 0 }) : '…'}
                  </Badge>
                </Group>
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
