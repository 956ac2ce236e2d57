// The 基本情報 inputs shared by 従業員 新規登録 and the detail page's 基本情報 card.
import { GENDERS, type TEmployeeBasicInput, type TEmployeeDetail } from '@jinji/contracts/hr/employees';
import { PREFECTURES } from '@jinji/ja/prefectures';
import { errorText, type TFieldErrors } from '@jinji/web-kit/validation';
import { Checkbox, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Every input as the user typed it: strings ('' = empty), the gender as chosen. */
export type TBasicForm = {
  lastName: string;
  firstName: string;
  lastNameKana: string;
  firstNameKana: string;
  businessLastName: string;
  businessFirstName: string;
  birthDate: string;
  gender: string | null;
  hireDate: string;
  retirementDate: string;
  email: string;
  systemUseStartDate: string;
  postalCode: string;
  prefecture: string | null;
  city: string;
  street: string;
  building: string;
  phone: string;
  mobilePhone: string;
  isStartupTarget: boolean;
};
export type TPatch<T> = (p: Partial<T>) => void;

export const EMPTY_BASIC_FORM: TBasicForm = {
  lastName: '',
  firstName: '',
  lastNameKana: '',
  firstNameKana: '',
  businessLastName: '',
  businessFirstName: '',
  birthDate: '',
  gender: null,
  hireDate: '',
  retirementDate: '',
  email: '',
  systemUseStartDate: '',
  postalCode: '',
  prefecture: null,
  city: '',
  street: '',
  building: '',
  phone: '',
  mobilePhone: '',
  isStartupTarget: false,
};

export const basicFormOf = (b: TEmployeeDetail['basic']): TBasicForm => ({
  lastName: b.lastName,
  firstName: b.firstName,
  lastNameKana: b.lastNameKana,
  firstNameKana: b.firstNameKana,
  businessLastName: b.businessLastName ?? '',
  businessFirstName: b.businessFirstName ?? '',
  birthDate: b.birthDate,
  gender: b.gender,
  hireDate: b.hireDate,
  retirementDate: b.retirementDate ?? '',
  email: b.email ?? '',
  systemUseStartDate: b.systemUseStartDate ?? '',
  postalCode: b.postalCode ?? '',
  prefecture: b.prefecture,
  city: b.city ?? '',
  street: b.street ?? '',
  building: b.building ?? '',
  phone: b.phone ?? '',
  mobilePhone: b.mobilePhone ?? '',
  isStartupTarget: b.isStartupTarget,
});

/**
 * What the contract schema validates: an empty required date is left out (「入社日を入力してください」),
 * an empty optional one is null.
 */
export const basicBodyOf = (f: TBasicForm): Record<keyof TEmployeeBasicInput, unknown> => ({
  ...f,
  birthDate: f.birthDate || undefined,
  hireDate: f.hireDate || undefined,
  gender: f.gender ?? undefined,
  retirementDate: f.retirementDate || null,
  systemUseStartDate: f.systemUseStartDate || null,
  prefecture: f.prefecture ?? '',
});

type TFieldsProps = { form: TBasicForm; patch: TPatch<TBasicForm>; errors: TFieldErrors };

/** 本名, かな, ビジネスネーム, 生年月日, 性別, 入社日, 退職日 (required marks as the seed's 必須項目). */
export function PersonFields({ form, patch, errors }: TFieldsProps) {
  const { t } = useTranslation();
  const text = (key: 'lastName' | 'firstName' | 'businessLastName' | 'businessFirstName', required = false) => (
    <TextInput
      label={t(`employeeForm.fields.${key}`)}
      value={form[key]}
      onChange={(e) => patch({ [key]: e.currentTarget.value })}
      error={errorText(errors[key])}
      required={required}
    />
  );
  const date = (key: 'birthDate' | 'hireDate' | 'retirementDate', required = false) => (
    <TextInput
      type="date"
      label={t(`employeeForm.fields.${key}`)}
      value={form[key]}
      onChange={(e) => patch({ [key]: e.currentTarget.value })}
      error={errorText(errors[key])}
      required={required}
      max="9999-12-31"
    />
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {text('lastName', true)}
      {text('firstName', true)}
      <TextInput
        label={t('employeeForm.fields.lastNameKana')}
        description={t('employeeForm.kanaHint')}
        value={form.lastNameKana}
        onChange={(e) => patch({ lastNameKana: e.currentTarget.value })}
        error={errorText(errors.lastNameKana)}
        required
      />
      <TextInput
        label={t('employeeForm.fields.firstNameKana')}
        description={t('employeeForm.kanaHint')}
        value={form.firstNameKana}
        onChange={(e) => patch({ firstNameKana: e.currentTarget.value })}
        error={errorText(errors.firstNameKana)}
        required
      />
      {text('businessLastName')}
      {text('businessFirstName')}
      {date('birthDate', true)}
      <Select
        label={t('employeeForm.fields.gender')}
        data={GENDERS.map((g) => ({ value: g, label: t(`employeeForm.genders.${g}`) }))}
        value={form.gender}
        onChange={(v) => patch({ gender: v })}
        error={errorText(errors.gender)}
        required
        allowDeselect={false}
      />
      {date('hireDate', true)}
      {date('retirementDate')}
    </SimpleGrid>
  );
}

/** メールアドレス, システム利用開始日 (ログインID is only given at registration: `children`). */
export function SystemUseFields({ form, patch, errors, children }: TFieldsProps & { children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {children}
      <TextInput
        type="email"
        label={t('employeeForm.fields.email')}
        value={form.email}
        onChange={(e) => patch({ email: e.currentTarget.value })}
        error={errorText(errors.email)}
      />
      <TextInput
        type="date"
        label={t('employeeForm.fields.systemUseStartDate')}
        value={form.systemUseStartDate}
        onChange={(e) => patch({ systemUseStartDate: e.currentTarget.value })}
        error={errorText(errors.systemUseStartDate)}
        max="9999-12-31"
      />
    </SimpleGrid>
  );
}

/** 郵便番号, 都道府県 (the 47), 市区町村, 番地, 建物, 電話番号, 携帯電話番号. */
/** The 住所・連絡先 inputs: also the 従業員スタートアップ's 基本情報 step (the employee's own). */
export type TAddressForm = Pick<
  TBasicForm,
  'postalCode' | 'prefecture' | 'city' | 'street' | 'building' | 'phone' | 'mobilePhone'
>;

export function AddressFields({
  form,
  patch,
  errors,
}: {
  form: TAddressForm;
  patch: TPatch<TAddressForm>;
  errors: TFieldErrors;
}) {
  const { t } = useTranslation();
  const text = (key: Exclude<keyof TAddressForm, 'prefecture'>, placeholder?: string) => (
    <TextInput
      label={t(`employeeForm.fields.${key}`)}
      value={form[key]}
      onChange={(e) => patch({ [key]: e.currentTarget.value })}
      error={errorText(errors[key])}
      placeholder={placeholder}
    />
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {text('postalCode', '123-4567')}
      <Select
        label={t('employeeForm.fields.prefecture')}
        data={[...PREFECTURES]}
        value={form.prefecture}
        onChange={(v) => patch({ prefecture: v })}
        error={errorText(errors.prefecture)}
        searchable
        clearable
      />
      {text('city')}
      {text('street')}
      {text('building')}
      <span />
      {text('phone')}
      {text('mobilePhone')}
    </SimpleGrid>
  );
}

export function StartupFlagField({ form, patch }: Omit<TFieldsProps, 'errors'>) {
  const { t } = useTranslation();
  return (
    <Checkbox
      label={t('employeeForm.fields.isStartupTarget')}
      description={t('employeeForm.startupHint')}
      checked={form.isStartupTarget}
      onChange={(e) => patch({ isStartupTarget: e.currentTarget.checked })}
    />
  );
}

/** A code the server makes (コード設定): no input, the seed's note instead. */
export function AutoCodeNote({ label, note, error }: { label: string; note: string; error?: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text size="sm" c="dimmed">
        {note}
      </Text>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

export type TLoginIdMode = 'direct' | 'employee_number' | 'rule';

/**
 * ログインID under コード設定 (decision 006): 直接入力 — an input (also to change an existing one);
 * 社員番号 / ユーザー設定 — 「システムを利用する」 makes one, an existing one is shown as it is.
 */
export function LoginIdField({
  mode,
  current,
  loginId,
  isSystemUse,
  patch,
  error,
}: {
  mode: TLoginIdMode;
  current: string | null;
  loginId: string;
  isSystemUse: boolean;
  patch: (p: { loginId?: string; isSystemUse?: boolean }) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const label = t('employeeForm.fields.loginId');
  if (mode === 'direct')
    return (
      <TextInput
        label={label}
        description={current ? t('employeeForm.loginIdChangeHint') : t('employeeForm.codeHint')}
        value={loginId}
        onChange={(e) => patch({ loginId: e.currentTarget.value })}
        error={error}
        autoComplete="off"
      />
    );
  if (current)
    return <AutoCodeNote label={label} note={`${current}（${t('employeeForm.loginIdFixed')}）`} error={error} />;
  return (
    <Stack gap={4}>
      <AutoCodeNote
        label={label}
        note={t(mode === 'rule' ? 'employeeForm.autoByRule' : 'employeeForm.sameAsEmployeeNumber')}
        error={error}
      />
      <Checkbox
        label={t('employeeForm.isSystemUse')}
        description={t('employeeForm.isSystemUseHint')}
        checked={isSystemUse}
        onChange={(e) => patch({ isSystemUse: e.currentTarget.checked })}
      />
    </Stack>
  );
}
