import { ZCreateEmployeeRequest } from '@jinji/contracts/hr/employees';
import { fieldErrorsOf, isApiError } from '@jinji/web-kit/api-client';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { errorText, type TFieldErrors, validate } from '@jinji/web-kit/validation';
import { Alert, Button, Fieldset, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { employeeFormOptionsQueryOptions, useCreateEmployee } from '../api/employees';
import {
  AddressFields,
  AutoCodeNote,
  basicBodyOf,
  EMPTY_BASIC_FORM,
  LoginIdField,
  PersonFields,
  StartupFlagField,
  SystemUseFields,
  type TBasicForm,
} from './employee-basic-fields';
import {
  AssignmentFields,
  ContractFields,
  EMPTY_ASSIGNMENT,
  EMPTY_CONTRACT,
  isBlank,
  type TAssignmentForm,
  type TContractForm,
} from './employee-history-fields';

type TForm = TBasicForm & { employeeNumber: string; loginId: string; isSystemUse: boolean };

/** 従業員 新規登録 (R-EMP-1, R-EMP-4): 社員番号 / ログインID follow コード設定 as the seed's table says. */
export function EmployeeNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useQuery(employeeFormOptionsQueryOptions);
  const create = useCreateEmployee();
  const [form, setForm] = useState<TForm>({ ...EMPTY_BASIC_FORM, employeeNumber: '', loginId: '', isSystemUse: true });
  const [assignment, setAssignment] = useState<TAssignmentForm>(EMPTY_ASSIGNMENT);
  const [contract, setContract] = useState<TContractForm>(EMPTY_CONTRACT);
  const [errors, setErrors] = useState<TFieldErrors>({});

  const settings = options.data?.codeSettings;
  const numberByRule = settings?.employeeNumberMode === 'rule';
  const loginIdMode = settings?.loginIdMode ?? 'direct';

  const clear = (keys: string[]) =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))));
  const patch = (p: Partial<TForm>) => {
    setForm((f) => ({ ...f, ...p }));
    clear(Object.keys(p));
  };
  const patchAssignment = (p: Partial<TAssignmentForm>) => {
    setAssignment((a) => ({ ...a, ...p }));
    clear(Object.keys(p).map((k) => `assignment.${k}`));
  };
  const patchContract = (p: Partial<TContractForm>) => {
    setContract((c) => ({ ...c, ...p }));
    clear(Object.keys(p).map((k) => `contract.${k}`));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = validate(ZCreateEmployeeRequest, {
      ...basicBodyOf(form),
      employeeNumber: numberByRule ? null : form.employeeNumber,
      loginId: loginIdMode === 'direct' ? form.loginId : null,
      isSystemUse: loginIdMode === 'direct' ? form.loginId.trim() !== '' : form.isSystemUse,
      assignment: isBlank(assignment) ? null : assignment,
      contract: isBlank(contract) ? null : contract,
    });
    setErrors(result.errors ?? {});
    if (!result.data) {
      notifications.show({ color: 'red', message: t('employeeForm.fixErrors') });
      return;
    }
    create.mutate(result.data, {
      onSuccess: ({ id }) => {
        notifications.show({ color: 'teal', message: t('employeeForm.created') });
        void navigate({ to: '/admin/employees/$id', params: { id } });
      },
      onError: (err) => setErrors(fieldErrorsOf(err)),
    });
  };

  const showAlert = create.error && !(isApiError(create.error) && create.error.fields.length > 0);

  return (
    <Stack maw={960}>
      <Stack gap={4}>
        <AnchorLink to="/admin/employees" size="sm">
          {t('employeeForm.backToList')}
        </AnchorLink>
        <Title order={2}>{t('nav.employeeNew')}</Title>
        <Text size="sm" c="dimmed">
          {t('employeeForm.requiredNote')}
        </Text>
      </Stack>
      {options.error && <Alert color="red">{options.error.message}</Alert>}
      {showAlert && (
        <Alert color="red" role="alert" title={t('kit.error')}>
          {create.error?.message}
        </Alert>
      )}
      {!options.data ? (
        <Skeleton h={480} aria-label={t('kit.loading')} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Fieldset legend={t('employeeForm.sections.person')}>
              <PersonFields form={form} patch={patch} errors={errors} />
            </Fieldset>
            <Fieldset legend={t('employeeForm.sections.systemUse')}>
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  {t('employeeForm.systemUseHint')}
                </Text>
                <SystemUseFields form={form} patch={patch} errors={errors}>
                  <LoginIdField
                    mode={loginIdMode}
                    current={null}
                    loginId={form.loginId}
                    isSystemUse={form.isSystemUse}
                    patch={patch}
                    error={errorText(errors.loginId)}
                  />
                </SystemUseFields>
              </Stack>
            </Fieldset>
            <Fieldset legend={t('employeeForm.sections.code')}>
              {numberByRule ? (
                <AutoCodeNote
                  label={t('employeeForm.fields.employeeNumber')}
                  note={t('employeeForm.employeeNumberByRule')}
                  error={errorText(errors.employeeNumber)}
                />
              ) : (
                <TextInput
                  label={t('employeeForm.fields.employeeNumber')}
                  description={t('employeeForm.codeHint')}
                  value={form.employeeNumber}
                  onChange={(e) => patch({ employeeNumber: e.currentTarget.value })}
                  error={errorText(errors.employeeNumber)}
                  maw={320}
                  autoComplete="off"
                />
              )}
            </Fieldset>
            <Fieldset legend={t('employeeForm.sections.address')}>
              <AddressFields form={form} patch={patch} errors={errors} />
            </Fieldset>
            <Fieldset legend={t('employeeForm.sections.assignment')}>
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  {t('employeeForm.fromHireDate')}
                </Text>
                <AssignmentFields
                  value={assignment}
                  patch={patchAssignment}
                  errors={errors}
                  prefix="assignment."
                  options={options.data}
                />
              </Stack>
            </Fieldset>
            <Fieldset legend={t('employeeForm.sections.contract')}>
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  {t('employeeForm.fromHireDate')}
                </Text>
                <ContractFields
                  value={contract}
                  patch={patchContract}
                  errors={errors}
                  prefix="contract."
                  options={options.data}
                />
              </Stack>
            </Fieldset>
            <StartupFlagField form={form} patch={patch} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void navigate({ to: '/admin/employees' })}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('employeeForm.register')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
