// The sessions of a course as rows that wrap on a phone: 開催日時, 開催地・会場, 残席, 申込締切, and the
// state — 受付終了 past the deadline, otherwise 「お申込み」 to the application form.
import type { TCourseSession } from '@jinji/contracts/training/courses';
import { ButtonLink } from '@jinji/web-kit/ui/router-links';
import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { deadlineText, sessionWhen, sessionWhere } from '../lib/session-text';

export function SeatsBadge({ s }: { s: TCourseSession }) {
  const { t } = useTranslation();
  // never cut to 「残り…」 in a narrow table cell
  const keep = { flexShrink: 0, minWidth: 'max-content' } as const;
  if (s.seatsLeft <= 0)
    return (
      <Badge color="red" style={keep}>
        {t('courses.full')}
      </Badge>
    );
  const few = s.seatsLeft <= Math.max(3, Math.floor(s.capacity / 10));
  return (
    <Badge color={few ? 'orange' : 'teal'} variant="light" style={keep}>
      {t('courses.seatsLeft', { n: s.seatsLeft })}
    </Badge>
  );
}

export function SessionRows({ sessions, detailed = false }: { sessions: TCourseSession[]; detailed?: boolean }) {
  const { t } = useTranslation();
  if (sessions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('courses.noSessions')}
      </Text>
    );
  }
  return (
    <Stack gap={0} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
      {sessions.map((s, i) => (
        <Group
          key={s.id}
          data-testid="session-row"
          justify="space-between"
          align="center"
          gap="xs"
          p="xs"
          wrap="wrap"
          style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
        >
          <Box style={{ flex: '1 1 260px', minWidth: 0 }}>
            <Text size="sm" fw={600}>
              {sessionWhen(s)}
            </Text>
            <Text size="sm">
              <Badge size="xs" variant="outline" color={s.venueKind === 'online' ? 'blue' : 'gray'} mr={6}>
                {t(s.venueKind === 'online' ? 'courses.online' : 'courses.venue')}
              </Badge>
              {sessionWhere(s)}
            </Text>
            {detailed && s.address && (
              <Text size="xs" c="dimmed">
                {t('courses.address')}: {s.address}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('courses.applyDeadline')}: {deadlineText(s.applyDeadline)}
              {detailed && ` ／ ${t('courses.cancelDeadline')}: ${deadlineText(s.cancelDeadline)}`}
              {detailed && ` ／ ${t('courses.capacity')}: ${s.capacity}`}
            </Text>
          </Box>
          <Group gap="xs" wrap="nowrap">
            <SeatsBadge s={s} />
            {s.isClosed ? (
              <Badge color="gray" variant="filled">
                {t('courses.closed')}
              </Badge>
            ) : (
              <ButtonLink to={'/applications/new' as never} search={{ session: s.id } as never} size="xs">
                {s.seatsLeft > 0 ? t('courses.apply') : t('courses.applyWaitlist')}
              </ButtonLink>
            )}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
