// 講座詳細: the course, and every session with 残席, deadlines and 「お申込み」 while open.
import { COURSE_CATEGORY_LABELS } from '@jinji/contracts/training/courses';
import { isApiError } from '@jinji/web-kit/api-client';
import { LoadingIndicator } from '@jinji/web-kit/ui/loading-indicator';
import { AnchorLink, ButtonLink } from '@jinji/web-kit/ui/router-links';
import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/api/auth';
import { courseQueryOptions } from '../api/courses';
import { yen } from '../lib/session-text';
import { SessionRows } from './session-rows';

export function CourseDetailPage() {
  const { t } = useTranslation();
  const { courseId } = useParams({ strict: false }) as { courseId: string };
  const isAdmin = useCan('courses.manage');
  const course = useQuery(courseQueryOptions(courseId));
  const back = <AnchorLink to={'/courses' as never}>← {t('courses.back')}</AnchorLink>;

  if (course.isPending) return <LoadingIndicator />;
  if (course.error) {
    return (
      <Stack gap="md">
        {back}
        <Alert
          color="red"
          role="alert"
          title={isApiError(course.error, 'NOT_FOUND') ? t('courses.notFound') : undefined}
        >
          {course.error.message}
        </Alert>
      </Stack>
    );
  }
  const c = course.data;
  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 280px' }}>
          <Group gap={6}>
            <Badge variant="light">{COURSE_CATEGORY_LABELS[c.category]}</Badge>
            <Text size="sm" c="dimmed">
              {t('courses.code')}: {c.code}
            </Text>
            {!c.isPublished && <Badge color="gray">{t('courses.unpublished')}</Badge>}
          </Group>
          <Title order={2}>{c.title}</Title>
        </Stack>
        {isAdmin && (
          <ButtonLink to={'/courses/$courseId/edit' as never} params={{ courseId: c.id } as never} variant="default">
            {t('courses.edit')}
          </ButtonLink>
        )}
      </Group>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600}>
            {t('courses.fee')}: {c.fee === 0 ? t('courses.free') : `${yen(c.fee)}（税込）`}
          </Text>
          {c.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Text>}
        </Stack>
      </Paper>
      <Title order={3}>{t('courses.sessions')}</Title>
      <SessionRows sessions={c.sessions} detailed />
    </Stack>
  );
}
