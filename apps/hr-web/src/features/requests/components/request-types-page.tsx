// 届出種類設定: each type's approval route (1–3 steps: the 上長, or a role that may approve 届出), its
// text and use; admin-defined types also their own fields. Below, 所属長 per department, from whom an
// employee's 上長 is derived (decision 013).
import { REQUEST_APPROVER_ROLES, REQUEST_FIELD_KINDS, type TRequestTypeInput } from '@jinji/contracts/hr/requests';
import { ApiError } from '@jinji/web-kit/api-client';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  departmentHeadsQueryOptions,
  requestTypesQueryOptions,
  type TDepartmentHead,
  type TRequestType,
  useSaveDepartmentHead,
  useSaveRequestType,
} from '../api/requests';

const EMPTY: TRequestType = {
  id: '',
  builtin: null,
  name: '',
  description: null,
  fields: [],
  route: [{ kind: 'supervisor' }],
  isActive: true,
};

export function RequestTypesPage() {
  const { t } = useTranslation();
  const { data, error } = useQuery(requestTypesQueryOptions);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Stack>
      <div>
        <Title order={2}>{t('requests.types.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('requests.types.lead')}
        </Text>
      </div>
      {error && <Alert color="red">{error.message}</Alert>}
      {!data && !error && <Skeleton h={240} aria-label={t('kit.loading')} />}
      {data?.items.map((type) =>
        editing === type.id ? (
          <TypeForm key={type.id} type={type} onDone={() => setEditing(null)} />
        ) : (
          <TypeCard key={type.id} type={type} onEdit={() => setEditing(type.id)} />
        ),
      )}
      {editing === 'new' ? (
        <TypeForm type={EMPTY} onDone={() => setEditing(null)} />
      ) : (
        <Group>
          <Button variant="default" onClick={() => setEditing('new')}>
            {t('requests.types.add')}
          </Button>
        </Group>
      )}
      <DepartmentHeads />
    </Stack>
  );
}

function useStepLabel() {
  const { t } = useTranslation();
  return (s: TRequestType['route'][number]) =>
    s.kind === 'supervisor' ? t('requests.types.supervisor') : t(`access.roles.${s.role}`);
}

function TypeCard({ type, onEdit }: { type: TRequestType; onEdit: () => void }) {
  const { t } = useTranslation();
  const stepLabel = useStepLabel();
  return (
    <Card withBorder radius="md" aria-label={type.name}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Title order={3} size="h4">
            {type.name}
          </Title>
          <Badge variant="light" color={type.builtin ? 'indigo' : 'grape'}>
            {type.builtin ? t('requests.types.builtin') : t('requests.types.custom')}
          </Badge>
          {!type.isActive && (
            <Badge variant="light" color="gray">
              {t('requests.types.inactive')}
            </Badge>
          )}
        </Group>
        <Button variant="subtle" size="compact-sm" onClick={onEdit}>
          {t('requests.types.edit')}
        </Button>
      </Group>
      <Text size="sm" mt={4}>
        {t('requests.route')}：{type.route.map(stepLabel).join(' → ')}
      </Text>
      {type.fields.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('requests.types.fields')}：
          {type.fields.map((f) => `${f.label}（${t(`requests.types.kinds.${f.kind}`)}）`).join('、')}
        </Text>
      )}
    </Card>
  );
}

type TStepValue = 'supervisor' | (typeof REQUEST_APPROVER_ROLES)[number];

function TypeForm({ type, onDone }: { type: TRequestType; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRequestType();
  const [name, setName] = useState(type.name);
  const [description, setDescription] = useState(type.description ?? '');
  const [isActive, setIsActive] = useState(type.isActive);
  const [steps, setSteps] = useState<TStepValue[]>(
    type.route.map((s) => (s.kind === 'supervisor' ? 'supervisor' : s.role) as TStepValue),
  );
  const [fields, setFields] = useState(type.fields.map((f) => ({ ...f, choicesText: f.choices.join('\n') })));
  const errors = save.error instanceof ApiError ? save.error.fields : [];
  const errorOf = (path: string) =>
    errors
      .filter((e) => e.path === path)
      .map((e) => e.message)
      .join(' ') || undefined;
  const stepOptions = [
    { value: 'supervisor', label: t('requests.types.supervisor') },
    ...REQUEST_APPROVER_ROLES.map((r) => ({ value: r, label: t(`access.roles.${r}`) })),
  ];
  const submit = () => {
    const body: TRequestTypeInput = {
      name,
      description,
      isActive,
      route: steps.map((s) => (s === 'supervisor' ? { kind: 'supervisor' } : { kind: 'role', role: s })),
      fields: fields.map(({ choicesText, ...f }) => ({
        ...f,
        choices: choicesText
          .split('\n')
          .map((c) => c.trim())
          .filter(Boolean),
      })),
    };
    save.mutate({ id: type.id || null, body }, { onSuccess: onDone });
  };
  const setField = (i: number, patch: Partial<(typeof fields)[number]>) =>
    setFields((all) => all.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <Card withBorder radius="md" shadow="sm">
      <Stack>
        {type.builtin && (
          <Text size="sm" c="dimmed">
            {t('requests.types.builtinNote')}
          </Text>
        )}
        <TextInput
          label={t('requests.types.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          disabled={!!type.builtin}
          error={errorOf('name')}
          required
        />
        <Textarea
          label={t('requests.types.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errorOf('description')}
        />
        <Switch
          label={t('requests.types.active')}
          checked={isActive}
          onChange={(e) => setIsActive(e.currentTarget.checked)}
        />
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('requests.route')}
          </Text>
          {steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a step is its position in the route
            <Group key={i} gap="xs" wrap="nowrap">
              <Select
                aria-label={t('requests.types.stepN', { n: i + 1 })}
                label={t('requests.types.stepN', { n: i + 1 })}
                data={stepOptions}
                value={s}
                onChange={(v) => v && setSteps((all) => all.map((x, j) => (j === i ? (v as TStepValue) : x)))}
                allowDeselect={false}
                style={{ flex: 1 }}
              />
              {steps.length > 1 && (
                <Button
                  variant="subtle"
                  color="red"
                  mt={24}
                  onClick={() => setSteps((all) => all.filter((_, j) => j !== i))}
                >
                  {t('requests.types.removeStep')}
                </Button>
              )}
            </Group>
          ))}
          {errorOf('route') && (
            <Text size="sm" c="red">
              {errorOf('route')}
            </Text>
          )}
          {steps.length < 3 && (
            <Group>
              <Button variant="default" size="compact-sm" onClick={() => setSteps((all) => [...all, 'hr_admin'])}>
                {t('requests.types.addStep')}
              </Button>
            </Group>
          )}
        </Stack>
        {!type.builtin && (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('requests.types.fields')}
            </Text>
            {fields.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, keyed by position
              <Card key={i} withBorder p="xs">
                <Group align="flex-start" gap="xs">
                  <TextInput
                    label={t('requests.types.fieldKey')}
                    value={f.key}
                    onChange={(e) => setField(i, { key: e.currentTarget.value })}
                    error={errorOf(`fields.${i}.key`)}
                    w={140}
                  />
                  <TextInput
                    label={t('requests.types.fieldLabel')}
                    value={f.label}
                    onChange={(e) => setField(i, { label: e.currentTarget.value })}
                    error={errorOf(`fields.${i}.label`)}
                    w={180}
                  />
                  <Select
                    label={t('requests.types.fieldKind')}
                    data={REQUEST_FIELD_KINDS.map((k) => ({ value: k, label: t(`requests.types.kinds.${k}`) }))}
                    value={f.kind}
                    onChange={(v) => v && setField(i, { kind: v as typeof f.kind })}
                    allowDeselect={false}
                    w={140}
                  />
                  <Checkbox
                    mt={30}
                    label={t('requests.types.fieldRequired')}
                    checked={f.isRequired}
                    onChange={(e) => setField(i, { isRequired: e.currentTarget.checked })}
                  />
                  {f.kind === 'choice' && (
                    <Textarea
                      label={t('requests.types.fieldChoices')}
                      value={f.choicesText}
                      onChange={(e) => setField(i, { choicesText: e.currentTarget.value })}
                      error={errorOf(`fields.${i}.choices`)}
                      autosize
                      minRows={2}
                      w={200}
                    />
                  )}
                  <Button
                    variant="subtle"
                    color="red"
                    mt={24}
                    onClick={() => setFields((all) => all.filter((_, j) => j !== i))}
                  >
                    {t('requests.types.removeField')}
                  </Button>
                </Group>
              </Card>
            ))}
            <Group>
              <Button
                variant="default"
                size="compact-sm"
                onClick={() =>
                  setFields((all) => [
                    ...all,
                    {
                      key: `field${all.length + 1}`,
                      label: '',
                      kind: 'text',
                      isRequired: false,
                      choices: [],
                      choicesText: '',
                    },
                  ])
                }
              >
                {t('requests.types.addField')}
              </Button>
            </Group>
          </Stack>
        )}
        {save.error && errors.length === 0 && <Alert color="red">{save.error.message}</Alert>}
        {errors.length > 0 && <Alert color="red">{save.error?.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('requests.types.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('requests.types.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function DepartmentHeads() {
  const { t } = useTranslation();
  const { data, error } = useQuery(departmentHeadsQueryOptions);
  return (
    <Card withBorder radius="md">
      <Title order={3} size="h4">
        {t('requests.types.heads')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('requests.types.headsLead')}
      </Text>
      {error && <Alert color="red">{error.message}</Alert>}
      {!data && !error && <Skeleton h={120} aria-label={t('kit.loading')} />}
      {data && data.items.length === 0 && <Text size="sm">{t('requests.types.noDepartments')}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('requests.types.heads')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('requests.types.department')}</Table.Th>
                <Table.Th>{t('requests.types.head')}</Table.Th>
                <Table.Th w={280}>{t('requests.types.headNumber')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((h) => (
                <HeadRow key={h.departmentId} head={h} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function HeadRow({ head }: { head: TDepartmentHead }) {
  const { t } = useTranslation();
  const save = useSaveDepartmentHead();
  const [number, setNumber] = useState(head.employeeNumber ?? '');
  const message = save.error instanceof ApiError ? (save.error.fields[0]?.message ?? save.error.message) : undefined;
  return (
    <Table.Tr>
      <Table.Td fz="sm">{head.departmentName}</Table.Td>
      <Table.Td fz="sm">{head.employeeName ?? t('requests.types.noHead')}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={`${head.departmentName} ${t('requests.types.headNumber')}`}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            error={message}
            size="xs"
            style={{ flex: 1 }}
          />
          <Button
            size="xs"
            variant="default"
            loading={save.isPending}
            onClick={() => save.mutate({ departmentId: head.departmentId, employeeNumber: number })}
          >
            {t('requests.types.save')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
