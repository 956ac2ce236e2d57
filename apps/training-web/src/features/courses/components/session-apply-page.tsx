// The deep link HR's My STORY opens: /courses/<courseId>/sessions/<sessionId>/apply. The kit's guard has
// already sent a signed-out visitor through the login and back here; a signed-in one goes straight on
// to the application form of the session (the applications slice's page).

import { LoadingIndicator } from '@jinji/web-kit/ui/loading-indicator';
import { Stack, Text } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function SessionApplyPage() {
  const { t } = useTranslation();
  const { sessionId } = useParams({ strict: false }) as { sessionId: string };
  const navigate = useNavigate();
  useEffect(() => {
    void navigate({ to: '/applications/new' as never, search: { session: sessionId } as never, replace: true });
  }, [navigate, sessionId]);
  return (
    <Stack gap="xs" align="center">
      <LoadingIndicator />
      <Text size="sm">{t('courses.applyRedirecting')}</Text>
    </Stack>
  );
}
