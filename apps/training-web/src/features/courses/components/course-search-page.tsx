// 公開講座: the search form (every filter of the API; the URL keeps it, so back from a detail returns to
// the same results), the results with their sessions, 残席 and deadlines, and a pager. Admins also get
// 「講座を登録」, 編集 per course and the switch that shows 非公開 and unscheduled courses.
import { COURSE_CATEGORIES, COURSE_CATEGORY_LABELS, PREFECTURES } from '@jinji/contracts/training/courses';
import { isApiError } from '@jinji/web-kit/api-client';
import { LoadingIndicator } from '@jinji/web-kit/ui/loading-indicator';
import { AnchorLink, ButtonLink } from '@jinji/web-kit/ui/router-links';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allows, useMe } from '../../auth/api/auth';
import { courseSearchQueryOptions, PAGE_SIZE, type TCourseSearchParams } from '../api/courses';
import { yen } from '../lib/session-text';
import { SessionRows } from './session-rows';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** The URL's query as the search's params (anything unknown dropped). */
function paramsOf(search: Record<string, unknown>): TCourseSearchParams {
  const venueKind = search.venueKind === 'venue' || search.venueKind === 'online' ? search.venueKind : undefined;
  const page = Number(search.page);
  return {
    q: str(search.q),
    from: str(search.from),
    to: str(search.to),
    venueKind,
    prefecture: str(search.prefecture),
    city: str(search.city),
    category: str(search.category),
    hasSeats: search.hasSeats === true || search.hasSeats === 'true' ? true : undefined,
    includeUnpublished: search.includeUnpublished === true || search.includeUnpublished === 'true' ? true : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

export function CourseSearchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = allows(me, 'courses.manage');
  const navigate = useNavigate();
  const params = paramsOf(useSearch({ strict: false }) as Record<string, unknown>);
  const [form, setForm] = useState<TCourseSearchParams>(params);
  const results = useQuery(courseSearchQueryOptions(params));

  const go = (p: TCourseSearchParams) => {
    const clean = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined && v !== '' && v !== false));
    void navigate({ to: '/courses' as never, search: clean as never });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ ...form, page: undefined });
  };
  const patch = (p: Partial<TCourseSearchParams>) => setForm((f) => ({ ...f, ...p }));
  const field = (key: 'from' | 'to' | 'q' | 'city') =>
    results.error && isApiError(results.error) ? results.error.fields.find((f) => f.path === key)?.message : undefined;

  const data = results.data;
  const page = params.page ?? 1;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('courses.searchTitle')}</Title>
        {isAdmin && (
          <ButtonLink to={'/courses/new' as never} variant="light">
            {t('courses.newCourse')}
          </ButtonLink>
        )}
      </Group>

      <Paper withBorder p="md" component="form" onSubmit={submit} role="search" aria-label={t('courses.searchTitle')}>
        <Stack gap="sm">
          <TextInput
            label={t('courses.keyword')}
            description={t('courses.keywordHint')}
            value={form.q ?? ''}
            onChange={(e) => patch({ q: e.currentTarget.value })}
            error={field('q')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <TextInput
              type="date"
              label={t('courses.from')}
              value={form.from ?? ''}
              onChange={(e) => patch({ from: e.currentTarget.value || undefined })}
              error={field('from')}
            />
            <TextInput
              type="date"
              label={t('courses.to')}
              value={form.to ?? ''}
              onChange={(e) => patch({ to: e.currentTarget.value || undefined })}
              error={field('to')}
            />
            <Select
              label={t('courses.venueKind')}
              data={[
                { value: '', label: t('courses.venueAny') },
                { value: 'venue', label: t('courses.venue') },
                { value: 'online', label: t('courses.online') },
              ]}
              value={form.venueKind ?? ''}
              onChange={(v) => patch({ venueKind: v === 'venue' || v === 'online' ? v : undefined })}
              allowDeselect={false}
            />
            <Select
              label={t('courses.category')}
              data={[
                { value: '', label: t('courses.categoryAny') },
                ...COURSE_CATEGORIES.map((c) => ({ value: c, label: COURSE_CATEGORY_LABELS[c] })),
              ]}
              value={form.category ?? ''}
              onChange={(v) => patch({ category: v || undefined })}
              allowDeselect={false}
            />
            <Select
              label={t('courses.prefecture')}
              data={PREFECTURES as unknown as string[]}
              value={form.prefecture ?? null}
              onChange={(v) => patch({ prefecture: v ?? undefined })}
              searchable
              clearable
            />
            <TextInput
              label={t('courses.city')}
              value={form.city ?? ''}
              onChange={(e) => patch({ city: e.currentTarget.value || undefined })}
              error={field('city')}
            />
          </SimpleGrid>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="md">
              <Checkbox
                label={t('courses.hasSeats')}
                checked={form.hasSeats === true}
                onChange={(e) => patch({ hasSeats: e.currentTarget.checked || undefined })}
              />
              {isAdmin && (
                <Checkbox
                  label={t('courses.includeUnpublished')}
                  checked={form.includeUnpublished === true}
                  onChange={(e) => patch({ includeUnpublished: e.currentTarget.checked || undefined })}
                />
              )}
            </Group>
            <Group gap="xs">
              <Button
                variant="subtle"
                onClick={() => {
                  setForm({});
                  go({});
                }}
              >
                {t('courses.clear')}
              </Button>
              <Button type="submit" loading={results.isFetching && results.isPlaceholderData}>
                {t('courses.search')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Paper>

      {results.isPending && <LoadingIndicator />}
      {results.error && (
        <Alert color="red" role="alert">
          {results.error.message}
        </Alert>
      )}
      {data && data.total === 0 && <Alert color="gray">{t('courses.empty')}</Alert>}
      {data && data.total > 0 && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('courses.results', {
              total: data.total,
              from: (page - 1) * PAGE_SIZE + 1,
              to: Math.min(page * PAGE_SIZE, data.total),
            })}
          </Text>
          {data.items.map((c) => (
            <Card key={c.id} withBorder padding="md" data-testid="course-result">
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 280px' }}>
                    <Group gap={6}>
                      <Badge variant="light">{COURSE_CATEGORY_LABELS[c.category]}</Badge>
                      <Text size="xs" c="dimmed">
                        {c.code}
                      </Text>
                      {!c.isPublished && <Badge color="gray">{t('courses.unpublished')}</Badge>}
                    </Group>
                    <AnchorLink
                      to={'/courses/$courseId' as never}
                      params={{ courseId: c.id } as never}
                      fw={700}
                      size="lg"
                    >
                      {c.title}
                    </AnchorLink>
                  </Stack>
                  <Group gap="xs">
                    <Text fw={600}>
                      {t('courses.fee')}: {c.fee === 0 ? t('courses.free') : yen(c.fee)}
                    </Text>
                    {isAdmin && (
                      <ButtonLink
                        to={'/courses/$courseId/edit' as never}
                        params={{ courseId: c.id } as never}
                        size="xs"
                        variant="default"
                      >
                        {t('courses.edit')}
                      </ButtonLink>
                    )}
                  </Group>
                </Group>
                {c.description && (
                  <Text size="sm" lineClamp={2}>
                    {c.description}
                  </Text>
                )}
                <SessionRows sessions={c.sessions} />
              </Stack>
            </Card>
          ))}
          {data.total > PAGE_SIZE && (
            <Group justify="center">
              <Pagination
                total={Math.ceil(data.total / PAGE_SIZE)}
                value={page}
                onChange={(p) => go({ ...params, page: p })}
                size="sm"
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
