import {
  formatCode,
  type TCodeRule,
  type TCodeSettings,
  type TEmployeeNumberMode,
  type TLoginIdMode,
  ZCodeRule,
  ZCodeSettings,
} from '@jinji/contracts/hr/code-settings';
import { useFormEditor } from '@jinji/web-kit/form-editor';
import { errorText } from '@jinji/web-kit/validation';
import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  List,
  NumberInput,
  Paper,
  Radio,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { codeSettingsQueryOptions, useUpdateCodeSettings } from '../api/code-settings';

type TRuleForm = { prefix: string; includeHireYear: boolean; width: number | string };
type TForm = {
  loginIdMode: TLoginIdMode;
  loginIdRule: TRuleForm;
  employeeNumberMode: TEmployeeNumberMode;
  employeeNumberRule: TRuleForm;
};
type TRuleKey = 'loginIdRule' | 'employeeNumberRule';

const DEFAULT_RULE: TRuleForm = { prefix: '', includeHireYear: false, width: 6 };
const LOGIN_ID_MODES: TLoginIdMode[] = ['direct', 'employee_number', 'rule'];
const EMPLOYEE_NUMBER_MODES: TEmployeeNumberMode[] = ['direct', 'rule'];
/** The preview shows a code as if the employee joined this year. */
const PREVIEW_YEAR = new Date().getFullYear();

const toForm = (s: TCodeSettings): TForm => ({
  loginIdMode: s.loginIdMode,
  loginIdRule: s.loginIdRule ?? DEFAULT_RULE,
  employeeNumberMode: s.employeeNumberMode,
  employeeNumberRule: s.employeeNumberRule ?? DEFAULT_RULE,
});

const toRule = (r: TRuleForm) => ({ ...r, width: r.width === '' ? Number.NaN : Number(r.width) });

// A rule is only kept while its mode is ユーザー設定.
const toSettings = (f: TForm) => ({
  loginIdMode: f.loginIdMode,
  loginIdRule: f.loginIdMode === 'rule' ? toRule(f.loginIdRule) : null,
  employeeNumberMode: f.employeeNumberMode,
  employeeNumberRule: f.employeeNumberMode === 'rule' ? toRule(f.employeeNumberRule) : null,
});

/** The code a rule makes for the next employee, or null while the rule is incomplete. */
function previewOf(rule: TRuleForm | TCodeRule | null, next: number): string | null {
  if (!rule) return null;
  const parsed = ZCodeRule.safeParse(toRule({ ...rule }));
  return parsed.success ? formatCode(parsed.data, next, PREVIEW_YEAR) : null;
}

/** コード設定 (seed 初期設定(2)): how ログインID and 社員番号 are made, with a live preview. */
export function CodeSettingsPage() {
  const { t } = useTranslation();
  const query = useQuery(codeSettingsQueryOptions);
  const update = useUpdateCodeSettings();
  const {
    form,
    setForm,
    errors,
    setErrors,
    submit,
    close: cancel,
  } = useFormEditor({
    write: update,
    schema: ZCodeSettings,
    bodyOf: (f: TForm) => toSettings(f),
  });

  if (!query.data) {
    return (
      <Stack>
        <Title order={2}>{t('codes.title')}</Title>
        {query.error ? <Alert color="red">{query.error.message}</Alert> : <Skeleton h={320} />}
      </Stack>
    );
  }
  const { settings, next } = query.data;

  const patch = (p: Partial<TForm>) => setForm((f) => (f ? { ...f, ...p } : f));
  const patchRule = (key: TRuleKey, p: Partial<TRuleForm>) => {
    setForm((f) => (f ? { ...f, [key]: { ...f[key], ...p } } : f));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(key))));
  };

  // Previews: the form while editing, the saved settings otherwise.
  const current = form ? toSettings(form) : settings;
  const employeeNumberPreview =
    current.employeeNumberMode === 'rule' ? previewOf(current.employeeNumberRule, next.employeeNumber) : null;
  const loginIdPreview =
    current.loginIdMode === 'rule'
      ? previewOf(current.loginIdRule, next.loginId)
      : current.loginIdMode === 'employee_number'
        ? employeeNumberPreview
        : null;

  const preview = (value: string | null, mode: string, label: string) => (
    <Group gap="xs" aria-label={t('codes.previewOf', { label })}>
      <Text size="sm" fw={500}>
        {t('codes.preview')}：
      </Text>
      {value ? (
        <Code fz="md" data-testid={`preview-${label}`}>
          {value}
        </Code>
      ) : (
        <Text size="sm" c="dimmed">
          {mode === 'direct' ? t('codes.previewDirect') : t('codes.previewIncomplete')}
        </Text>
      )}
    </Group>
  );

  const ruleText = (rule: TCodeRule | null) =>
    rule
      ? t('codes.ruleSummary', {
          prefix: rule.prefix || t('codes.none'),
          year: rule.includeHireYear ? t('codes.yearIncluded') : t('codes.yearExcluded'),
          width: rule.width,
        })
      : '';

  const ruleFields = (key: TRuleKey) =>
    form && (
      <Paper withBorder p="md" radius="md" bg="gray.0">
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('codes.rule')}
          </Text>
          <Group align="flex-start">
            <TextInput
              label={t('codes.prefix')}
              description={t('codes.prefixHint')}
              value={form[key].prefix}
              onChange={(e) => patchRule(key, { prefix: e.currentTarget.value })}
              error={errorText(errors[`${key}.prefix`])}
              w={220}
            />
            <NumberInput
              label={t('codes.width')}
              description={t('codes.widthHint')}
              value={form[key].width}
              onChange={(v) => patchRule(key, { width: v })}
              error={errorText([...(errors[`${key}.width`] ?? []), ...(errors[key] ?? [])])}
              allowDecimal={false}
              allowNegative={false}
              w={220}
            />
          </Group>
          <Checkbox
            label={t('codes.includeHireYear')}
            checked={form[key].includeHireYear}
            onChange={(e) => patchRule(key, { includeHireYear: e.currentTarget.checked })}
          />
        </Stack>
      </Paper>
    );

  const loginLabel = t('codes.loginId');
  const numberLabel = t('codes.employeeNumber');

  return (
    <Stack maw={880}>
      <Title order={2}>{t('codes.title')}</Title>
      <Text c="dimmed">{t('codes.lead')}</Text>
      <Alert color="blue" variant="light">
        {t('codes.typeANote')}
      </Alert>

      {form === null ? (
        <>
          <Paper withBorder radius="md">
            <Table withColumnBorders>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="20%">{t('codes.item')}</Table.Th>
                  <Table.Th w="20%">{t('codes.mode')}</Table.Th>
                  <Table.Th>{t('codes.rule')}</Table.Th>
                  <Table.Th>{t('codes.preview')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th>{loginLabel}</Table.Th>
                  <Table.Td>{t(`codes.modes.${settings.loginIdMode}`)}</Table.Td>
                  <Table.Td>{settings.loginIdMode === 'rule' ? ruleText(settings.loginIdRule) : ''}</Table.Td>
                  <Table.Td>{loginIdPreview && <Code>{loginIdPreview}</Code>}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{numberLabel}</Table.Th>
                  <Table.Td>{t(`codes.modes.${settings.employeeNumberMode}`)}</Table.Td>
                  <Table.Td>
                    {settings.employeeNumberMode === 'rule' ? ruleText(settings.employeeNumberRule) : ''}
                  </Table.Td>
                  <Table.Td>{employeeNumberPreview && <Code>{employeeNumberPreview}</Code>}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Paper>
          <Group>
            <Button onClick={() => setForm(toForm(settings))}>{t('common.edit')}</Button>
          </Group>
        </>
      ) : (
        <Paper withBorder radius="md" p="lg" component="form" noValidate onSubmit={submit}>
          <Stack gap="lg">
            {update.error && (
              <Alert color="red" role="alert" title={t('kit.error')}>
                {update.error.message}
              </Alert>
            )}
            <Stack gap="sm" component="section" aria-label={loginLabel}>
              <Radio.Group
                label={loginLabel}
                value={form.loginIdMode}
                onChange={(v) => patch({ loginIdMode: v as TLoginIdMode })}
                error={errorText(errors.loginIdMode)}
              >
                <Group mt={6}>
                  {LOGIN_ID_MODES.map((m) => (
                    <Radio key={m} value={m} label={t(`codes.modes.${m}`)} />
                  ))}
                </Group>
              </Radio.Group>
              {form.loginIdMode === 'rule' && ruleFields('loginIdRule')}
              {form.loginIdMode === 'employee_number' && (
                <Text size="sm" c="dimmed">
                  {t('codes.sameAsEmployeeNumber')}
                </Text>
              )}
              {preview(loginIdPreview, form.loginIdMode, loginLabel)}
            </Stack>
            <Stack gap="sm" component="section" aria-label={numberLabel}>
              <Radio.Group
                label={numberLabel}
                value={form.employeeNumberMode}
                onChange={(v) => patch({ employeeNumberMode: v as TEmployeeNumberMode })}
                error={errorText(errors.employeeNumberMode)}
              >
                <Group mt={6}>
                  {EMPLOYEE_NUMBER_MODES.map((m) => (
                    <Radio key={m} value={m} label={t(`codes.modes.${m}`)} />
                  ))}
                </Group>
              </Radio.Group>
              {form.employeeNumberMode === 'rule' && ruleFields('employeeNumberRule')}
              {preview(employeeNumberPreview, form.employeeNumberMode, numberLabel)}
            </Stack>
            <Group>
              <Button type="submit" loading={update.isPending}>
                {t('common.update')}
              </Button>
              <Button variant="default" onClick={cancel}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      <CodeSettingsHelp />
    </Stack>
  );
}

/** The seed's two tables: what each setting does on 新規登録 and 一括登録・更新. */
function CodeSettingsHelp() {
  const { t } = useTranslation();
  const tables = [
    {
      title: t('codes.loginId'),
      modes: ['direct', 'employee_number', 'rule'] as const,
      rows: [
        [t('codes.help.single'), t('codes.help.direct'), t('codes.help.copy'), t('codes.help.generateLoginId')],
        [
          t('codes.help.bulkNew'),
          t('codes.help.direct'),
          `${t('codes.help.copy')} ${t('codes.help.ruleWins')}`,
          `${t('codes.help.generateLoginId')} ${t('codes.help.ruleWins')}`,
        ],
      ],
    },
    {
      title: t('codes.employeeNumber'),
      modes: ['direct', 'rule'] as const,
      rows: [
        [t('codes.help.single'), t('codes.help.direct'), t('codes.help.generateNumber')],
        [
          t('codes.help.bulkNew'),
          t('codes.help.direct'),
          `${t('codes.help.generateNumber')} ${t('codes.help.ruleWins')}`,
        ],
      ],
    },
  ];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('codes.help.title')}>
      <Title order={3} size="h5" mb="xs">
        {t('codes.help.title')}
      </Title>
      <List size="sm" mb="sm">
        <List.Item>{t('codes.help.lead')}</List.Item>
      </List>
      <Stack>
        {tables.map(({ title, modes, rows }) => (
          <Table key={title} withTableBorder withColumnBorders fz="sm" aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="24%">
                  {title}：{t('codes.help.page')}
                </Table.Th>
                {modes.map((m) => (
                  <Table.Th key={m}>{t(`codes.modes.${m}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(([page, ...cells]) => (
                <Table.Tr key={page}>
                  <Table.Td>{page}</Table.Td>
                  {cells.map((c, i) => (
                    <Table.Td key={modes[i]}>{c}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td>{t('codes.help.bulkUpdate')}</Table.Td>
                <Table.Td colSpan={modes.length} ta="center">
                  {t('codes.help.notApplied')}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        ))}
      </Stack>
    </Paper>
  );
}
