// 開催日程の追加・編集: 開催日と時刻, 会場 or オンライン, 開催地, 会場名・住所, 定員, 申込締切, キャンセル締切.
// Client validation with the contract's schema, then the server's (定員 not below the seats taken).
import { PREFECTURES, type TCourseSession, ZSessionInput } from '@jinji/contracts/training/courses';
import { fieldErrorsOf } from '@jinji/web-kit/api-client';
import { errorText, type TFieldErrors, validate } from '@jinji/web-kit/validation';
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveSession } from '../api/courses';
import { sessionBodyOf, sessionFormOf, type TSessionForm } from '../lib/session-form';

/** where each body key's message shows: the start on 開催日, the end on 終了時刻 */
const FIELD_OF: Record<string, keyof TSessionForm> = { startsAt: 'date', endsAt: 'endTime' };

export function SessionFormModal({
  courseId,
  session,
  onClose,
}: {
  courseId: string;
  session: TCourseSession | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSession(courseId);
  const [form, setForm] = useState<TSessionForm>(() => sessionFormOf(session));
  const [errors, setErrors] = useState<TFieldErrors>({});
  const patch = (p: Partial<TSessionForm>) => setForm((f) => ({ ...f, ...p }));
  const show = (e: TFieldErrors) =>
    setErrors(Object.fromEntries(Object.entries(e).map(([k, v]) => [FIELD_OF[k] ?? k, v])));
  const err = (k: keyof TSessionForm) => errorText(errors[k]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = validate(ZSessionInput, sessionBodyOf(form));
    if (result.errors) return show(result.errors);
    save.mutate(
      { id: session?.id ?? null, body: result.data },
      {
        onSuccess: (saved) => {
          // a raised 定員 fills its seats from the waiting list in the same step (decision 019)
          const promoted = session ? saved.seatsTaken - session.seatsTaken : 0;
          notifications.show({
            color: 'teal',
            message: promoted > 0 ? t('courses.savedPromoted', { count: promoted }) : t('courses.saved'),
          });
          onClose();
        },
        onError: (error) => show(fieldErrorsOf(error)),
      },
    );
  };
  const online = form.venueKind === 'online';
  return (
    <Modal opened onClose={onClose} title={session ? t('courses.editSession') : t('courses.newSession')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.error && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              type="date"
              label={t('courses.date')}
              required
              value={form.date}
              onChange={(e) => patch({ date: e.currentTarget.value })}
              error={err('date')}
            />
            <TextInput
              type="time"
              label={t('courses.startTime')}
              required
              value={form.startTime}
              onChange={(e) => patch({ startTime: e.currentTarget.value })}
              error={err('startTime')}
            />
            <TextInput
              type="time"
              label={t('courses.endTime')}
              required
              value={form.endTime}
              onChange={(e) => patch({ endTime: e.currentTarget.value })}
              error={err('endTime')}
            />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('courses.venueKind')}
            </Text>
            <SegmentedControl
              value={form.venueKind}
              onChange={(v) => patch({ venueKind: v === 'online' ? 'online' : 'venue' })}
              data={[
                { value: 'venue', label: t('courses.venue') },
                { value: 'online', label: t('courses.online') },
              ]}
            />
          </Stack>
          {!online && (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Select
                label={t('courses.prefecture')}
                required
                data={PREFECTURES as unknown as string[]}
                value={form.prefecture}
                onChange={(v) => patch({ prefecture: v })}
                searchable
                error={err('prefecture')}
              />
              <TextInput
                label={t('courses.city')}
                required
                value={form.city}
                onChange={(e) => patch({ city: e.currentTarget.value })}
                error={err('city')}
              />
            </SimpleGrid>
          )}
          <TextInput
            label={online ? t('courses.onlineTool') : t('courses.placeName')}
            required={!online}
            value={form.place}
            onChange={(e) => patch({ place: e.currentTarget.value })}
            error={err('place')}
          />
          {!online && (
            <TextInput
              label={t('courses.address')}
              value={form.address}
              onChange={(e) => patch({ address: e.currentTarget.value })}
              error={err('address')}
            />
          )}
          <NumberInput
            label={t('courses.capacity')}
            required
            min={1}
            allowDecimal={false}
            value={form.capacity}
            onChange={(v) => patch({ capacity: v })}
            error={err('capacity')}
            description={
              session ? `${t('courses.taken')}: ${session.seatsTaken}　${t('courses.capacityHint')}` : undefined
            }
            maw={session ? 480 : 200}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              type="datetime-local"
              label={t('courses.applyDeadline')}
              required
              value={form.applyDeadline}
              onChange={(e) => patch({ applyDeadline: e.currentTarget.value })}
              error={err('applyDeadline')}
            />
            <TextInput
              type="datetime-local"
              label={t('courses.cancelDeadline')}
              required
              value={form.cancelDeadline}
              onChange={(e) => patch({ cancelDeadline: e.currentTarget.value })}
              error={err('cancelDeadline')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('courses.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('courses.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
