import type { TMasterItem } from '@jinji/contracts/hr/masters';
import { Badge, Box, Group, Paper, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { allMastersQueryOptions } from '../api/masters';
import { buildForest, type TNode } from '../lib/tree';

function TreeLevel({ nodes, level }: { nodes: TNode<TMasterItem>[]; level: number }) {
  const { t } = useTranslation();
  return (
    <Box component="ul" role={level === 1 ? 'tree' : 'group'} m={0} p={0} style={{ listStyle: 'none' }}>
      {nodes.map(({ item, children }) => (
        <Box
          component="li"
          key={item.id}
          role="treeitem"
          aria-level={level}
          aria-expanded={children.length > 0 ? true : undefined}
          aria-label={item.name}
          data-level={level}
        >
          <Group
            gap={6}
            py={3}
            pl={(level - 1) * 24}
            wrap="nowrap"
            style={{ borderLeft: level > 1 ? '2px solid var(--mantine-color-gray-3)' : undefined }}
          >
            <Text c="dimmed" size="sm" aria-hidden>
              {level > 1 ? '└' : '■'}
            </Text>
            <Text size="sm" c={item.isValid ? undefined : 'dimmed'} td={item.isValid ? undefined : 'line-through'}>
              {item.name}
            </Text>
            <Text size="xs" c="dimmed">
              {item.code}
            </Text>
            {!item.isValid && (
              <Badge size="xs" color="gray" variant="light">
                {t('masters.invalid')}
              </Badge>
            )}
          </Group>
          {children.length > 0 && <TreeLevel nodes={children} level={level + 1} />}
        </Box>
      ))}
    </Box>
  );
}

/** 部署 at a glance: one tree per 会社 (optionally only the filtered one). */
export function DepartmentTree({ companyId }: { companyId: string | null }) {
  const { t } = useTranslation();
  const departments = useQuery(allMastersQueryOptions('department'));
  const companies = useQuery(allMastersQueryOptions('company'));
  if (!departments.data || !companies.data) return <Skeleton h={120} />;

  const shown = companies.data.filter(
    (c) => (companyId ? c.id === companyId : true) && departments.data.some((d) => d.companyId === c.id),
  );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('masters.tree')}>
      <Title order={3} size="h5" mb="sm">
        {t('masters.tree')}
      </Title>
      {shown.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('masters.empty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: shown.length > 1 ? 2 : 1 }}>
          {shown.map((company) => (
            <Box key={company.id} aria-label={company.name} component="section">
              <Text fw={600} size="sm" mb={4}>
                {company.name}
              </Text>
              <TreeLevel nodes={buildForest(departments.data.filter((d) => d.companyId === company.id))} level={1} />
            </Box>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}
