import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/session';

export function MyPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me) return null;

  const rows: [string, string][] = [
    [t('my.name'), me.user.displayName],
    [t('my.loginId'), me.user.loginId],
    [t('my.email'), me.user.email ?? t('common.notSet')],
    [t('my.tenant'), me.tenant.name],
  ];

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('my.title')}
      </Title>
      <Card withBorder radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('my.basicInfo')}
        </Title>
        <Table layout="fixed" variant="vertical" withRowBorders>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={110}>{label}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {[t('my.upcoming'), t('my.findCourses')].map((title) => (
          <Card withBorder radius="md" key={title}>
            <Group justify="space-between" wrap="nowrap" mb="xs">
              <Title order={2} size="h4">
                {title}
              </Title>
              <Badge color="gray" variant="light">
                {t('my.comingSoon')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('my.comingSoonText')}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
