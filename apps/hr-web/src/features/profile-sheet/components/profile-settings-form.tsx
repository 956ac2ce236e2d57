// The 個人プロフィール出力設定 fields, shared by the settings page and the output dialog.
import {
  PROFILE_LIMIT_MAX,
  PROFILE_LIMIT_MIN,
  PROFILE_PERSONAL_ITEM_LABELS,
  PROFILE_PERSONAL_ITEMS,
  type TProfilePersonalItem,
  type TProfileRange,
  type TProfileSettings,
  type TProfileSettingsResponse,
} from '@jinji/contracts/hr/profile-sheet';
import { Checkbox, Group, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type TFieldErrors = Record<string, string | undefined>;
type Props = {
  value: TProfileSettings;
  onChange: (next: TProfileSettings) => void;
  categories: TProfileSettingsResponse['categories'];
  errors: TFieldErrors;
  disabled?: boolean;
};

const toNumber = (v: number | string) => (v === '' ? Number.NaN : Number(v));

function RangeField(props: {
  label: string;
  name: string;
  value: TProfileRange;
  onChange: (r: TProfileRange) => void;
  errors: TFieldErrors;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { value: r, name, errors } = props;
  return (
    <Stack gap={6}>
      <Radio.Group
        label={props.label}
        value={r.kind}
        onChange={(kind) =>
          props.onChange(kind === 'months' ? { kind: 'months', months: 12 } : { kind: 'dates', from: null, to: null })
        }
      >
        <Group mt={4}>
          <Radio value="months" label={t('profileSheet.rangeMonths')} disabled={props.disabled} />
          <Radio value="dates" label={t('profileSheet.rangeDates')} disabled={props.disabled} />
        </Group>
      </Radio.Group>
      {r.kind === 'months' ? (
        <Group gap="xs" align="flex-end">
          <NumberInput
            aria-label={`${props.label} ${t('profileSheet.months')}`}
            w={90}
            min={1}
            max={120}
            value={r.months}
            disabled={props.disabled}
            error={errors[`${name}.months`]}
            onChange={(v) => props.onChange({ kind: 'months', months: toNumber(v) })}
          />
          <Text size="sm" pb={8}>
            {t('profileSheet.monthsSuffix')}
          </Text>
        </Group>
      ) : (
        <Group gap="xs" align="flex-start">
          <TextInput
            type="date"
            label={t('profileSheet.from')}
            value={r.from ?? ''}
            disabled={props.disabled}
            error={errors[`${name}.from`]}
            onChange={(e) => props.onChange({ ...r, from: e.currentTarget.value || null })}
          />
          <Text pt={30}>~</Text>
          <TextInput
            type="date"
            label={t('profileSheet.to')}
            value={r.to ?? ''}
            disabled={props.disabled}
            error={errors[`${name}.to`]}
            onChange={(e) => props.onChange({ ...r, to: e.currentTarget.value || null })}
          />
        </Group>
      )}
    </Stack>
  );
}

/** 記録日 range and 表示件数 of one part of the sheet (応対記録 or 面談履歴): the same two fields for each. */
function PeriodAndLimit({
  part,
  value: s,
  onChange,
  errors,
  disabled,
}: Omit<Props, 'categories'> & { part: 'record' | 'interview' }) {
  const { t } = useTranslation();
  const range = `${part}Range` as const;
  const limit = `${part}Limit` as const;
  return (
    <>
      <RangeField
        label={t('profileSheet.recordRange')}
        name={range}
        value={s[range]}
        onChange={(v) => onChange({ ...s, [range]: v })}
        errors={errors}
        disabled={disabled}
      />
      <NumberInput
        label={t('profileSheet.limit')}
        name={limit}
        w={200}
        min={PROFILE_LIMIT_MIN}
        max={PROFILE_LIMIT_MAX}
        clampBehavior="none"
        value={s[limit]}
        disabled={disabled}
        error={errors[limit]}
        onChange={(v) => onChange({ ...s, [limit]: toNumber(v) })}
      />
    </>
  );
}

export function ProfileSettingsFields({ value: s, onChange, categories, errors, disabled }: Props) {
  const { t } = useTranslation();
  const set = (p: Partial<TProfileSettings>) => onChange({ ...s, ...p });
  const allIds = categories.map((c) => c.id);
  const chosen = s.recordCategoryIds ?? allIds;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={3} size="h5">
          {t('profileSheet.basicInfo')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('profileSheet.basicItems')}
        </Text>
      </Stack>
      <Stack gap={6}>
        <Title order={3} size="h5">
          {t('profileSheet.personal')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('profileSheet.personalNote')}
        </Text>
        <Checkbox.Group
          value={s.personalItems}
          onChange={(v) => set({ personalItems: v as TProfilePersonalItem[] })}
          error={errors.personalItems}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6}>
            {PROFILE_PERSONAL_ITEMS.map((item) => (
              <Checkbox key={item} value={item} label={PROFILE_PERSONAL_ITEM_LABELS[item]} disabled={disabled} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      </Stack>
      <Stack gap={6}>
        <Title order={3} size="h5">
          {t('profileSheet.records')}
        </Title>
        <Checkbox
          label={t('profileSheet.allCategories')}
          checked={s.recordCategoryIds === null}
          indeterminate={s.recordCategoryIds !== null && s.recordCategoryIds.length > 0}
          disabled={disabled}
          onChange={(e) => set({ recordCategoryIds: e.currentTarget.checked ? null : [] })}
        />
        <Checkbox.Group
          value={chosen}
          onChange={(v) => set({ recordCategoryIds: v.length === allIds.length ? null : v })}
          error={errors.recordCategoryIds}
        >
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing={6} pl="md">
            {categories.map((c) => (
              <Checkbox key={c.id} value={c.id} label={c.name} disabled={disabled} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <PeriodAndLimit part="record" value={s} onChange={onChange} errors={errors} disabled={disabled} />
      </Stack>
      <Stack gap={6}>
        <Title order={3} size="h5">
          {t('profileSheet.interviews')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('profileSheet.interviewNote')}
        </Text>
        <PeriodAndLimit part="interview" value={s} onChange={onChange} errors={errors} disabled={disabled} />
      </Stack>
    </Stack>
  );
}

/** zod / server field errors → one message per dotted path (the first). */
export function errorsByPath(issues: { path: string | (string | number | symbol)[]; message: string }[]): TFieldErrors {
  const out: TFieldErrors = {};
  for (const i of issues) {
    const key = Array.isArray(i.path) ? i.path.map(String).join('.') : i.path;
    out[key] ??= i.message;
  }
  return out;
}
