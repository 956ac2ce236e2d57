// 連携設定 (管理者): the SCIM endpoint, 「トークンを発行」, and the issued tokens with 再発行 and 失効. A new
// token is shown once, in a dialog with a copy button; the list never holds it.
import { formatDateTime } from '@jinji/ja/text';
import { isApiError } from '@jinji/web-kit/api-client';
import { ForbiddenPage } from '@jinji/web-kit/ui/forbidden-page';
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Pagination,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  scimTokensQueryOptions,
  type TIssuedScimToken,
  type TScimTokenItem,
  useIssueScimToken,
  useRevokeScimToken,
  useRotateScimToken,
} from '../api/scim-tokens';

const PAGE_SIZE = 20;

function CopyField({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} aria-label={label}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant={copied ? 'light' : 'default'} color={copied ? 'teal' : undefined} onClick={copy} miw={110}>
            {copied ? t('integration.copied') : t('integration.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

type Confirming = { kind: 'rotate' | 'revoke'; token: TScimTokenItem } | null;

export function IntegrationPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [label, setLabel] = useState('人事管理システム');
  const [issued, setIssued] = useState<TIssuedScimToken | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const { data, error, isPending } = useQuery(scimTokensQueryOptions(page, PAGE_SIZE));
  const issue = useIssueScimToken();
  const rotate = useRotateScimToken();
  const revoke = useRevokeScimToken();
  const endpoint = `${window.location.origin}/scim/v2`;

  if (isApiError(error, 'FORBIDDEN')) return <ForbiddenPage title={t('integration.title')} />;

  const onConfirm = async () => {
    if (!confirming) return;
    if (confirming.kind === 'rotate') setIssued(await rotate.mutateAsync(confirming.token.id));
    else await revoke.mutateAsync(confirming.token.id);
    setConfirming(null);
  };
  const actionError = issue.error ?? rotate.error ?? revoke.error;
  const labelError =
    issue.error && isApiError(issue.error, 'VALIDATION_FAILED') ? issue.error.fields[0]?.message : null;

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('integration.title')}</Title>
        <Text size="sm" c="dimmed" maw={820}>
          {t('integration.lead')}
        </Text>
      </div>

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600}>{t('integration.endpoint')}</Text>
          <CopyField value={endpoint} label={t('integration.endpoint')} />
          <Text size="xs" c="dimmed">
            {t('integration.endpointHelp')}
          </Text>
        </Stack>
      </Paper>

      <form
        onSubmit={(e) => {
          e.preventDefault();
          issue.mutate(label, { onSuccess: setIssued });
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('integration.label')}
            placeholder={t('integration.labelPlaceholder')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={labelError}
            maxLength={50}
            w={320}
          />
          <Button type="submit" loading={issue.isPending}>
            {t('integration.issue')}
          </Button>
        </Group>
      </form>
      {actionError && !labelError && (
        <Alert color="red" role="alert">
          {actionError.message}
        </Alert>
      )}

      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('integration.tokens')}
          </Title>
          {data && (
            <Text size="sm" c="dimmed">
              {t('integration.total', { count: data.total })}
            </Text>
          )}
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        {isPending && <Skeleton h={120} aria-label={t('kit.loading')} />}
        {data && data.items.length === 0 && (
          <Paper withBorder p="lg">
            <Text c="dimmed" ta="center">
              {t('integration.empty')}
            </Text>
          </Paper>
        )}
        {data && data.items.length > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table aria-label={t('integration.tokens')} verticalSpacing="sm" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('integration.label')}</Table.Th>
                  <Table.Th w={80}>{t('integration.status')}</Table.Th>
                  <Table.Th w={170}>{t('integration.createdAt')}</Table.Th>
                  <Table.Th w={170}>{t('integration.lastUsedAt')}</Table.Th>
                  <Table.Th w={170}>{t('integration.revokedAt')}</Table.Th>
                  <Table.Th w={170}>{t('integration.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.label}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={token.revokedAt ? 'gray' : 'teal'}>
                        {token.revokedAt ? t('integration.revoked') : t('integration.active')}
                      </Badge>
                    </Table.Td>
                    <Table.Td fz="sm">{formatDateTime(token.createdAt)}</Table.Td>
                    <Table.Td fz="sm">
                      {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('integration.neverUsed')}
                    </Table.Td>
                    <Table.Td fz="sm">{formatDateTime(token.revokedAt)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setConfirming({ kind: 'rotate', token })}>
                          {t('integration.rotate')}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          disabled={token.revokedAt !== null}
                          onClick={() => setConfirming({ kind: 'revoke', token })}
                        >
                          {t('integration.revoke')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {data && data.total > PAGE_SIZE && (
          <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} />
        )}
      </Stack>

      <Modal
        opened={issued !== null}
        onClose={() => setIssued(null)}
        title={t('integration.issuedTitle')}
        size="lg"
        closeOnClickOutside={false}
      >
        {issued && (
          <Stack>
            <Alert color="yellow" role="status">
              {t('integration.issuedWarning')}
            </Alert>
            <Text size="sm">
              {t('integration.label')}: {issued.token.label}
            </Text>
            <CopyField value={issued.secret} label={t('integration.issuedToken')} />
            <Group justify="flex-end">
              <Button onClick={() => setIssued(null)}>{t('integration.close')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming?.kind === 'rotate' ? t('integration.rotateTitle') : t('integration.revokeTitle')}
      >
        {confirming && (
          <Stack>
            <Text size="sm">
              {confirming.kind === 'rotate'
                ? t('integration.rotateBody', { label: confirming.token.label })
                : t('integration.revokeBody', { label: confirming.token.label })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('integration.cancel')}
              </Button>
              <Button
                color={confirming.kind === 'revoke' ? 'red' : undefined}
                loading={rotate.isPending || revoke.isPending}
                onClick={() => void onConfirm().catch(() => setConfirming(null))}
              >
                {confirming.kind === 'rotate' ? t('integration.rotate') : t('integration.revoke')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
