// 所属 (会社, 部署, 役職, 職位, 職種, 勤務地) and 契約 (雇用形態, 勤務形態, 採用区分) selects, for
// 従業員 新規登録 (errors under `assignment.` / `contract.`) and the 異動 / 契約変更 modals.

import type { TEmployeeFormOptionsResponse } from '@jinji/contracts/hr/employees';
import { errorText, type TFieldErrors } from '@jinji/web-kit/validation';
import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPatch } from './employee-basic-fields';
import { departmentOptions, masterOptions, ofCompany } from './master-options';

export type TAssignmentForm = {
  companyId: string | null;
  departmentId: string | null;
  positionId: string | null;
  gradeId: string | null;
  jobTypeId: string | null;
  locationId: string | null;
};
export type TContractForm = {
  employmentTypeId: string | null;
  workStyleId: string | null;
  hiringCategoryId: string | null;
};

export const EMPTY_ASSIGNMENT: TAssignmentForm = {
  companyId: null,
  departmentId: null,
  positionId: null,
  gradeId: null,
  jobTypeId: null,
  locationId: null,
};
export const EMPTY_CONTRACT: TContractForm = { employmentTypeId: null, workStyleId: null, hiringCategoryId: null };

export const isBlank = (v: Record<string, string | null>) => Object.values(v).every((x) => !x);

type TProps<T> = {
  value: T;
  patch: TPatch<T>;
  errors: TFieldErrors;
  /** 'assignment.' on the registration form: the server's nested error paths */
  prefix?: string;
  options: TEmployeeFormOptionsResponse | undefined;
};

export function AssignmentFields({ value, patch, errors, prefix = '', options }: TProps<TAssignmentForm>) {
  const { t } = useTranslation();
  const masters = options?.masters;
  const select = (key: keyof TAssignmentForm, data: { value: string; label: string }[], extra = {}) => (
    <Select
      label={t(`employeeForm.fields.${key}`)}
      data={data}
      value={value[key]}
      onChange={(v) => patch({ [key]: v })}
      error={errorText(errors[`${prefix}${key}`])}
      searchable
      clearable
      nothingFoundMessage={t('employeeForm.noOptions')}
      {...extra}
    />
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={t('employeeForm.fields.companyId')}
        data={masterOptions(masters?.company)}
        value={value.companyId}
        // 部署 and 勤務地 belong to a company: a new company clears them.
        onChange={(v) => patch(v === value.companyId ? {} : { companyId: v, departmentId: null, locationId: null })}
        error={errorText(errors[`${prefix}companyId`])}
        searchable
        clearable
        nothingFoundMessage={t('employeeForm.noOptions')}
      />
      {select('departmentId', departmentOptions(masters?.department, value.companyId), {
        description: value.companyId ? undefined : t('employeeForm.chooseCompanyFirst'),
        disabled: !value.companyId,
      })}
      {select('positionId', masterOptions(masters?.position))}
      {select('gradeId', masterOptions(masters?.grade))}
      {select('jobTypeId', masterOptions(masters?.job_type))}
      {select('locationId', masterOptions(ofCompany(masters?.location, value.companyId)))}
    </SimpleGrid>
  );
}

export function ContractFields({ value, patch, errors, prefix = '', options }: TProps<TContractForm>) {
  const { t } = useTranslation();
  const masters = options?.masters;
  const select = (key: keyof TContractForm, data: { value: string; label: string }[]) => (
    <Select
      label={t(`employeeForm.fields.${key}`)}
      data={data}
      value={value[key]}
      onChange={(v) => patch({ [key]: v })}
      error={errorText(errors[`${prefix}${key}`])}
      searchable
      clearable
      nothingFoundMessage={t('employeeForm.noOptions')}
    />
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {select('employmentTypeId', masterOptions(masters?.employment_type))}
      {select('workStyleId', masterOptions(masters?.work_style))}
      {select('hiringCategoryId', masterOptions(masters?.hiring_category))}
    </SimpleGrid>
  );
}
