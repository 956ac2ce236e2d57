// My STORY › 届出をする: the type, the 適用日, the new values (a built-in type starts from what the
// master holds now), 備考 and attachments. The server checks everything at once; each message sits
// under its field.
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_COUNT,
  ATTACHMENT_TYPES,
  type TBuiltinRequestType,
} from '@jinji/contracts/hr/requests';
import type { TMyProfile } from '@jinji/contracts/hr/self-service';
import { ApiError } from '@jinji/web-kit/api-client';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { myProfileQueryOptions } from '../../my-story/api/my-profile';
import { filableTypesQueryOptions, type TRequestType, useFileRequest } from '../api/requests';

const BUILTIN_FIELDS: Record<TBuiltinRequestType, string[]> = {
  address: ['postalCode', 'prefecture', 'city', 'street', 'building', 'commuteNote'],
  name: ['lastName', 'firstName', 'lastNameKana', 'firstNameKana'],
  birth_date: ['birthDate'],
};

const currentValues = (type: TRequestType, profile: TMyProfile | undefined): Record<string, string> => {
  if (!type.builtin || !profile) return {};
  const basic = profile.basic as Record<string, string | null>;
  return Object.fromEntries(BUILTIN_FIELDS[type.builtin].map((k) => [k, basic[k] ?? '']));
};

type TFile = { fieldKey: string | null; file: File };

const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

export function RequestNewPage() {
  const { t } = useTranslation();
  const types = useQuery(filableTypesQueryOptions);
  const profile = useQuery(myProfileQueryOptions);
  const [typeId, setTypeId] = useState<string | null>(null);
  const type = types.data?.items.find((x) => x.id === typeId) ?? null;
  if (types.error)
    return (
      <Alert color="red" role="alert">
        {types.error.message}
      </Alert>
    );
  // the form starts from the master's values: wait for them too
  if (!types.data || (!profile.data && !profile.error)) return <Skeleton h={300} aria-label={t('kit.loading')} />;
  return (
    <Stack>
      <AnchorLink to="/my/requests" size="sm">
        {t('requests.backToList')}
      </AnchorLink>
      <Title order={1} size="h2">
        {t('requests.newTitle')}
      </Title>
      <Card withBorder radius="md">
        <Select
          label={t('requests.type')}
          placeholder={t('requests.typePlaceholder')}
          data={types.data.items.map((x) => ({ value: x.id, label: x.name }))}
          value={typeId}
          onChange={setTypeId}
          allowDeselect={false}
          required
        />
        {type?.description && (
          <Text size="sm" c="dimmed" mt="xs">
            {type.description}
          </Text>
        )}
      </Card>
      {type && <RequestForm key={type.id} type={type} profile={profile.data} />}
    </Stack>
  );
}

function RequestForm({ type, profile }: { type: TRequestType; profile: TMyProfile | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const initial = useMemo(() => currentValues(type, profile), [type, profile]);
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [effectiveDate, setEffectiveDate] = useState('');
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<TFile[]>([]);
  const [localError, setLocalError] = useState<string | null>(null);
  const file = useFileRequest();
  const errors = file.error instanceof ApiError ? file.error.fields : [];
  const errorOf = (path: string) =>
    errors
      .filter((e) => e.path === path || e.path.startsWith(`${path}.`))
      .map((e) => e.message)
      .join(' ') || undefined;
  const set = (key: string) => (e: { currentTarget: { value: string } }) => {
    // read now: React clears currentTarget before the updater runs
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  const submit = async () => {
    setLocalError(null);
    const tooBig = files.find((f) => f.file.size > ATTACHMENT_MAX_BYTES);
    if (tooBig) {
      setLocalError(`添付ファイル「${tooBig.file.name}」は1件2MBまでです`);
      return;
    }
    const attachments = await Promise.all(
      files.map(async (f) => ({
        fieldKey: f.fieldKey,
        fileName: f.file.name,
        contentType: f.file.type || 'application/octet-stream',
        data: await toBase64(f.file),
      })),
    );
    const sent = type.builtin
      ? Object.fromEntries(BUILTIN_FIELDS[type.builtin].map((k) => [k, values[k] ?? '']))
      : Object.fromEntries(type.fields.filter((f) => f.kind !== 'attachment').map((f) => [f.key, values[f.key] ?? '']));
    file.mutate(
      { typeId: type.id, effectiveDate, values: sent, note, attachments },
      { onSuccess: (r) => void navigate({ to: '/my/requests/$id', params: { id: r.id } }) },
    );
  };

  const text = (key: string, opts: { description?: string; multiline?: boolean } = {}) => {
    const props = {
      label: t(`requests.fields.${key}` as 'requests.fields.city'),
      value: values[key] ?? '',
      onChange: set(key),
      error: errorOf(`values.${key}`),
      description:
        opts.description ??
        (initial[key] !== undefined ? `${t('requests.current')}：${initial[key] || '-'}` : undefined),
    };
    return opts.multiline ? <Textarea key={key} {...props} autosize minRows={2} /> : <TextInput key={key} {...props} />;
  };
  const generalFiles = files.filter((f) => f.fieldKey === null).map((f) => f.file);
  const setFilesOf = (fieldKey: string | null, list: File[]) =>
    setFiles((all) => [...all.filter((f) => f.fieldKey !== fieldKey), ...list.map((file) => ({ fieldKey, file }))]);

  return (
    <Card withBorder radius="md">
      <Stack>
        <TextInput
          type="date"
          label={t('requests.effectiveDate')}
          description={t('requests.effectiveDateHint')}
          value={effectiveDate}
          onChange={(e) => setEffectiveDate(e.currentTarget.value)}
          error={errorOf('effectiveDate')}
          required
          maw={240}
        />
        {type.builtin === 'address' && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {['postalCode', 'prefecture', 'city', 'street', 'building'].map((k) => text(k))}
            </SimpleGrid>
            {text('commuteNote', { description: t('requests.fields.commuteNoteHint'), multiline: true })}
          </>
        )}
        {type.builtin === 'name' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {['lastName', 'firstName', 'lastNameKana', 'firstNameKana'].map((k) => text(k))}
          </SimpleGrid>
        )}
        {type.builtin === 'birth_date' && (
          <TextInput
            type="date"
            label={t('requests.fields.birthDate')}
            description={`${t('requests.current')}：${initial.birthDate?.replaceAll('-', '/') ?? '-'}`}
            value={values.birthDate ?? ''}
            onChange={set('birthDate')}
            error={errorOf('values.birthDate')}
            maw={240}
          />
        )}
        {!type.builtin &&
          type.fields.map((f) => {
            const common = { label: f.label, required: f.isRequired, error: errorOf(`values.${f.key}`) };
            if (f.kind === 'choice')
              return (
                <Select
                  key={f.key}
                  {...common}
                  data={f.choices}
                  value={values[f.key] ?? null}
                  onChange={(v) => setValues((all) => ({ ...all, [f.key]: v ?? '' }))}
                  clearable
                />
              );
            if (f.kind === 'attachment')
              return (
                <FileInput
                  key={f.key}
                  {...common}
                  accept={ATTACHMENT_TYPES.join(',')}
                  description={t('requests.attachmentsHint')}
                  value={files.find((x) => x.fieldKey === f.key)?.file ?? null}
                  onChange={(v) => setFilesOf(f.key, v ? [v] : [])}
                  clearable
                />
              );
            return (
              <TextInput
                key={f.key}
                {...common}
                type={f.kind === 'date' ? 'date' : 'text'}
                value={values[f.key] ?? ''}
                onChange={set(f.key)}
                maw={f.kind === 'date' ? 240 : undefined}
              />
            );
          })}
        {errorOf('values') && !errors.some((e) => e.path.startsWith('values.')) && (
          <Alert color="red" p="xs">
            {errorOf('values')}
          </Alert>
        )}
        <Textarea
          label={t('requests.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errorOf('note')}
        />
        <FileInput
          multiple
          label={t('requests.attachments')}
          description={t('requests.attachmentsHint')}
          accept={ATTACHMENT_TYPES.join(',')}
          value={generalFiles}
          onChange={(list) => setFilesOf(null, list.slice(0, ATTACHMENT_MAX_COUNT))}
          error={errorOf('attachments')}
          clearable
        />
        {(localError || errorOf('typeId') || (file.error && errors.length === 0)) && (
          <Alert color="red" role="alert">
            {localError ?? errorOf('typeId') ?? file.error?.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void submit()} loading={file.isPending}>
            {t('requests.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
