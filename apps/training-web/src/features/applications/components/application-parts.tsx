// Small parts every 申込 screen shares: the status badge, the session's when and where, and the
// reason dialog of 却下 and キャンセル (the reason is required; the server's message is shown as is).
import type {
  TApplication,
  TApplicationStatus,
  TAttendance,
  TSessionSummary,
} from '@jinji/contracts/training/applications';
import { formatDateTimeWeekday } from '@jinji/ja/text';
import { Alert, Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const COLORS: Record<TApplicationStatus, string> = {
  pending: 'blue',
  confirmed: 'green',
  rejected: 'red',
  waitlisted: 'orange',
  cancelled: 'gray',
};

export function ApplicationStatusBadge({ status }: { status: TApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} style={{ flexShrink: 0 }} styles={{ label: { overflow: 'visible' } }}>
      {t(`applications.statuses.${status}`)}
    </Badge>
  );
}

/** The status with its queue place, or the reason of a 却下 / キャンセル. */
export function ApplicationStatus({
  application: a,
}: {
  application: Pick<TApplication, 'status' | 'waitlistPosition' | 'rejectReason' | 'cancelReason'>;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <ApplicationStatusBadge status={a.status} />
      {a.waitlistPosition !== null && (
        <Text size="xs" c="orange">
          {t('applications.waitlistPosition', { n: a.waitlistPosition })}
        </Text>
      )}
      {a.rejectReason && (
        <Text size="xs" c="dimmed">
          {t('applications.rejectReasonShown', { reason: a.rejectReason })}
        </Text>
      )}
      {a.status === 'cancelled' && a.cancelReason && (
        <Text size="xs" c="dimmed">
          {t('applications.cancelReasonShown', { reason: a.cancelReason })}
        </Text>
      )}
    </Stack>
  );
}

export function AttendanceText({ attendance }: { attendance: TAttendance | null }) {
  const { t } = useTranslation();
  return attendance ? (
    <Text size="sm">{t(`applications.attendances.${attendance}`)}</Text>
  ) : (
    <Text size="sm" c="dimmed">
      {t('applications.notRecorded')}
    </Text>
  );
}

/** 2026/12/01 (火) 13:00 – 16:00 */
export function sessionWhen(s: Pick<TSessionSummary, 'startsAt' | 'endsAt'>): string {
  const start = formatDateTimeWeekday(s.startsAt);
  const end = formatDateTimeWeekday(s.endsAt);
  return start.slice(0, 16) === end.slice(0, 16) ? `${start} – ${end.slice(-5)}` : `${start} – ${end}`;
}

export function sessionWhere(s: Pick<TSessionSummary, 'venueKind' | 'city' | 'place'>, onlineLabel: string): string {
  if (s.venueKind === 'online') return s.place ? `${onlineLabel}（${s.place}）` : onlineLabel;
  return [s.city, s.place].filter(Boolean).join(' ');
}

export function ReasonDialog({
  opened,
  title,
  label,
  confirmLabel,
  confirmColor,
  onClose,
  onConfirm,
  children,
}: {
  opened: boolean;
  title: string;
  label: string;
  confirmLabel: string;
  confirmColor: string;
  onClose(): void;
  /** resolves when done; a rejection's message is shown in the dialog */
  onConfirm(reason: string): Promise<unknown>;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setError(`${label}を入力してください`);
            return;
          }
          setBusy(true);
          try {
            await onConfirm(reason.trim());
            close();
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Stack>
          {children}
          <Textarea
            label={label}
            withAsterisk
            autosize
            minRows={3}
            maxLength={500}
            value={reason}
            error={error && !reason.trim() ? error : undefined}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          {error && reason.trim() && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('applications.close')}
            </Button>
            <Button type="submit" color={confirmColor} loading={isBusy}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
