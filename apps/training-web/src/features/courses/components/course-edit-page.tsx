// 講座の登録・編集 (管理者): the course form, then its sessions table with 追加 / 編集 / 削除. A new course
// is saved first; the page then moves to its edit address, where sessions can be added.
import {
  COURSE_CATEGORIES,
  COURSE_CATEGORY_LABELS,
  type TCourseDetail,
  type TCourseSession,
  ZCourseInput,
} from '@jinji/contracts/training/courses';
import { fieldErrorsOf } from '@jinji/web-kit/api-client';
import { ConfirmDeleteModal } from '@jinji/web-kit/ui/confirm-delete-modal';
import { ForbiddenPage } from '@jinji/web-kit/ui/forbidden-page';
import { LoadingIndicator } from '@jinji/web-kit/ui/loading-indicator';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { errorText, type TFieldErrors, validate } from '@jinji/web-kit/validation';
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/api/auth';
import { courseQueryOptions, useDeleteCourse, useDeleteSession, useSaveCourse } from '../api/courses';
import { deadlineText, sessionWhen, sessionWhere } from '../lib/session-text';
import { SessionFormModal } from './session-form-modal';
import { SeatsBadge } from './session-rows';

type TForm = {
  code: string;
  title: string;
  category: string | null;
  description: string;
  fee: number | string;
  isPublished: boolean;
};

const formOf = (c: TCourseDetail | null): TForm =>
  c
    ? {
        code: c.code,
        title: c.title,
        category: c.category,
        description: c.description,
        fee: c.fee,
        isPublished: c.isPublished,
      }
    : { code: '', title: '', category: null, description: '', fee: 0, isPublished: true };

export function CourseEditPage() {
  const { t } = useTranslation();
  const isAdmin = useCan('courses.manage');
  const { courseId } = useParams({ strict: false }) as { courseId?: string };
  const course = useQuery({ ...courseQueryOptions(courseId ?? ''), enabled: Boolean(courseId) && isAdmin });
  if (!isAdmin) return <ForbiddenPage title={t('courses.editTitle')} backTo={'/courses' as never} />;
  if (courseId && course.isPending) return <LoadingIndicator />;
  if (courseId && course.error) {
    return (
      <Alert color="red" role="alert">
        {course.error.message}
      </Alert>
    );
  }
  return <CourseEditor key={courseId ?? 'new'} course={course.data ?? null} />;
}

function CourseEditor({ course }: { course: TCourseDetail | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveCourse();
  const remove = useDeleteCourse();
  const [form, setForm] = useState<TForm>(() => formOf(course));
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [isDeleting, setDeleting] = useState(false);
  const patch = (p: Partial<TForm>) => setForm((f) => ({ ...f, ...p }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = validate(ZCourseInput, { ...form, fee: form.fee === '' ? Number.NaN : Number(form.fee) });
    if (result.errors) return setErrors(result.errors);
    setErrors({});
    save.mutate(
      { id: course?.id ?? null, body: result.data },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('courses.saved') });
          if (!course) {
            void navigate({ to: '/courses/$courseId/edit' as never, params: { courseId: saved.id } as never });
          }
        },
        onError: (error) => setErrors(fieldErrorsOf(error)),
      },
    );
  };

  const title = course ? t('courses.editTitle') : t('courses.newTitle');
  return (
    <Stack gap="md">
      <AnchorLink to={'/courses' as never} search={{ includeUnpublished: true } as never}>
        ← {t('courses.back')}
      </AnchorLink>
      <Title order={2}>{title}</Title>
      <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          {save.error && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('courses.code')}
              required
              value={form.code}
              onChange={(e) => patch({ code: e.currentTarget.value })}
              error={errorText(errors.code)}
            />
            <Select
              label={t('courses.category')}
              required
              data={COURSE_CATEGORIES.map((c) => ({ value: c, label: COURSE_CATEGORY_LABELS[c] }))}
              value={form.category}
              onChange={(v) => patch({ category: v })}
              error={errorText(errors.category)}
            />
            <NumberInput
              label={t('courses.feeYen')}
              required
              min={0}
              step={1000}
              allowDecimal={false}
              thousandSeparator=","
              value={form.fee}
              onChange={(v) => patch({ fee: v })}
              error={errorText(errors.fee)}
            />
          </SimpleGrid>
          <TextInput
            label={t('courses.title')}
            required
            value={form.title}
            onChange={(e) => patch({ title: e.currentTarget.value })}
            error={errorText(errors.title)}
          />
          <Textarea
            label={t('courses.description')}
            autosize
            minRows={3}
            value={form.description}
            onChange={(e) => patch({ description: e.currentTarget.value })}
            error={errorText(errors.description)}
          />
          <Switch
            label={t('courses.publish')}
            checked={form.isPublished}
            onChange={(e) => patch({ isPublished: e.currentTarget.checked })}
          />
          <Group justify="space-between">
            {course ? (
              <Button color="red" variant="subtle" onClick={() => setDeleting(true)}>
                {t('courses.deleteCourse')}
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" loading={save.isPending}>
              {t('courses.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {course ? <SessionsTable course={course} /> : <Text c="dimmed">{t('courses.saveFirst')}</Text>}
      {course && isDeleting && (
        <ConfirmDeleteModal
          title={t('courses.deleteCourse')}
          message={t('courses.deleteCourseConfirm', { title: course.title })}
          confirmLabel={t('courses.deleteSession')}
          cancelLabel={t('courses.cancel')}
          isPending={remove.isPending}
          error={remove.error}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(course.id, {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('courses.deleted') });
                void navigate({ to: '/courses' as never, search: { includeUnpublished: true } as never });
              },
            })
          }
        />
      )}
    </Stack>
  );
}

function SessionsTable({ course }: { course: TCourseDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<TCourseSession | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TCourseSession | null>(null);
  const remove = useDeleteSession(course.id);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('courses.sessions')}</Title>
        <Button variant="light" onClick={() => setEditing('new')}>
          {t('courses.addSession')}
        </Button>
      </Group>
      {course.sessions.length === 0 ? (
        <Alert color="gray">{t('courses.noSessionsAdmin')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder aria-label={t('courses.sessions')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ minWidth: 190 }}>{t('courses.when')}</Table.Th>
                <Table.Th>{t('courses.where')}</Table.Th>
                <Table.Th>{t('courses.capacity')}</Table.Th>
                <Table.Th style={{ minWidth: 96 }}>{t('courses.seats')}</Table.Th>
                <Table.Th>{t('courses.applyDeadline')}</Table.Th>
                <Table.Th>{t('courses.cancelDeadline')}</Table.Th>
                <Table.Th>{t('courses.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {course.sessions.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{sessionWhen(s)}</Table.Td>
                  <Table.Td>{sessionWhere(s)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {s.capacity}
                    <Text size="xs" c="dimmed">
                      {t('courses.taken')} {s.seatsTaken}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <SeatsBadge s={s} />
                  </Table.Td>
                  <Table.Td>
                    {deadlineText(s.applyDeadline)}
                    {s.isClosed && (
                      <Badge color="gray" ml={4} size="xs">
                        {t('courses.closed')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{deadlineText(s.cancelDeadline)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`${sessionWhen(s)} ${t('courses.edit')}`}
                        onClick={() => setEditing(s)}
                      >
                        {t('courses.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`${sessionWhen(s)} ${t('courses.deleteSession')}`}
                        onClick={() => setDeleting(s)}
                      >
                        {t('courses.deleteSession')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <SessionFormModal
          courseId={course.id}
          session={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDeleteModal
          title={t('courses.deleteSession')}
          message={t('courses.deleteSessionConfirm', { when: sessionWhen(deleting) })}
          confirmLabel={t('courses.deleteSession')}
          cancelLabel={t('courses.cancel')}
          isPending={remove.isPending}
          error={remove.error}
          onClose={() => {
            remove.reset();
            setDeleting(null);
          }}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('courses.deleted') });
                setDeleting(null);
              },
            })
          }
        />
      )}
    </Stack>
  );
}
