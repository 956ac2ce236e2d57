import { type TEmployeeDetail, ZUpdateBasicRequest } from '@jinji/contracts/hr/employees';
import { formatDate, todayInJapan } from '@jinji/ja/text';
import { errorText } from '@jinji/web-kit/validation';
import { Divider, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { employeeFormOptionsQueryOptions, useUpdateEmployee } from '../api/employees';
import {
  AddressFields,
  basicBodyOf,
  basicFormOf,
  LoginIdField,
  PersonFields,
  StartupFlagField,
  SystemUseFields,
  type TBasicForm,
} from './employee-basic-fields';
import { Fields } from './section-card';
import { SectionEditForm, SectionViewCard, useSectionEditor } from './section-editor';

const date = (v: string | null) => (v ? formatDate(v) : '');

type TForm = TBasicForm & { loginId: string; isSystemUse: boolean };
const bodyOf = (f: TForm) => ({ ...basicBodyOf(f), loginId: f.loginId, isSystemUse: f.isSystemUse });

/** 基本情報: view, or (【編集】) the same inputs as 新規登録 without the codes. */
export function EmployeeBasicCard({ employee }: { employee: TEmployeeDetail }) {
  const { t } = useTranslation();
  const editor = useSectionEditor({
    write: useUpdateEmployee(employee.id),
    section: 'basic',
    schema: ZUpdateBasicRequest,
    bodyOf,
  });
  // the ログインID input follows コード設定, as on 新規登録
  const options = useQuery(employeeFormOptionsQueryOptions);
  const loginIdMode = options.data?.codeSettings.loginIdMode ?? 'direct';
  const { form, setForm, errors, setErrors } = editor;
  const b = employee.basic;
  const title = t('employeeDetail.sections.basic');

  const patch = (p: Partial<TForm>) => {
    setForm((f) => (f ? { ...f, ...p } : f));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in p))));
  };
  if (form) {
    return (
      <SectionEditForm editor={editor} title={title}>
        <PersonFields form={form} patch={patch} errors={errors} />
        <Divider label={t('employeeForm.sections.systemUse')} labelPosition="left" />
        <SystemUseFields form={form} patch={patch} errors={errors}>
          <LoginIdField
            mode={loginIdMode}
            current={employee.loginId}
            loginId={form.loginId}
            isSystemUse={form.isSystemUse}
            patch={patch}
            error={errorText(errors.loginId)}
          />
        </SystemUseFields>
        <Divider label={t('employeeForm.sections.address')} labelPosition="left" />
        <AddressFields form={form} patch={patch} errors={errors} />
        <StartupFlagField form={form} patch={patch} />
      </SectionEditForm>
    );
  }

  const f = (key: TFieldKey): string => t(`employeeForm.fields.${key}`);
  return (
    <SectionViewCard
      title={title}
      canEdit={employee.canEdit}
      onEdit={() => setForm({ ...basicFormOf(b), loginId: employee.loginId ?? '', isSystemUse: false })}
    >
      <Fields
        items={[
          [t('employeeDetail.realName'), `${b.lastName} ${b.firstName}`],
          [t('employeeDetail.kana'), `${b.lastNameKana} ${b.firstNameKana}`],
          [t('employeeDetail.businessName'), [b.businessLastName, b.businessFirstName].filter(Boolean).join(' ')],
          [f('birthDate'), date(b.birthDate)],
          [f('gender'), t(`employeeForm.genders.${b.gender}`)],
          [f('hireDate'), date(b.hireDate)],
          [f('retirementDate'), date(b.retirementDate)],
          [t('employeeForm.fields.loginId'), employee.loginId ?? ''],
          [
            t('employees.accountNotifiedAt'),
            employee.accountNotifiedAt ? formatDate(todayInJapan(new Date(employee.accountNotifiedAt))) : '',
          ],
          [f('email'), b.email ?? ''],
          [f('systemUseStartDate'), date(b.systemUseStartDate)],
          [
            t('employeeDetail.address'),
            b.postalCode || b.prefecture || b.city ? (
              <>
                {b.postalCode && <Text size="sm">〒{b.postalCode}</Text>}
                <Text size="sm">{[b.prefecture, b.city, b.street, b.building].filter(Boolean).join(' ')}</Text>
              </>
            ) : (
              ''
            ),
          ],
          [f('phone'), b.phone ?? ''],
          [f('mobilePhone'), b.mobilePhone ?? ''],
          [f('isStartupTarget'), b.isStartupTarget ? t('employeeDetail.yes') : t('employeeDetail.no')],
        ]}
      />
    </SectionViewCard>
  );
}

type TFieldKey =
  | 'birthDate'
  | 'gender'
  | 'hireDate'
  | 'retirementDate'
  | 'email'
  | 'systemUseStartDate'
  | 'phone'
  | 'mobilePhone'
  | 'isStartupTarget';
