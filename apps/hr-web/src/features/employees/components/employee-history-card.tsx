import { currentValueSince } from '@jinji/contracts/hr/employee-rules';
import { type TEmployeeDetail, ZAssignmentInput, ZContractInput } from '@jinji/contracts/hr/employees';
import { durationParts, formatDate, todayInJapan } from '@jinji/ja/text';
import { fieldErrorsOf } from '@jinji/web-kit/api-client';
import { errorText, type TFieldErrors, validate } from '@jinji/web-kit/validation';
import { Badge, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { employeeFormOptionsQueryOptions, useUpdateEmployee } from '../api/employees';
import {
  AssignmentFields,
  ContractFields,
  EMPTY_ASSIGNMENT,
  EMPTY_CONTRACT,
  type TAssignmentForm,
  type TContractForm,
} from './employee-history-fields';
import { FormFooter, SectionCard } from './section-card';

type TAssignment = TEmployeeDetail['assignments'][number];
type TContract = TEmployeeDetail['contracts'][number];
type TRef = TAssignment['company'];
type TPeriod = { id: string; startDate: string; endDate: string | null; isCurrent: boolean; isPlanned: boolean };
type TKind = 'assignment' | 'contract';
/** the modal: a new row (`row` absent) or the correction of `row` */
type TModal = { kind: 'assignment'; row?: TAssignment } | { kind: 'contract'; row?: TContract };

const newestFirst = <T extends TPeriod>(rows: T[]) => [...rows].sort((a, b) => b.startDate.localeCompare(a.startDate));
const refName = (r: TRef) => (r ? r.name : '');

/**
 * 所属・契約: the current rows with 「[現在] 2022/02/20 (3年1か月)」, the history timelines with 「現在」/「予定」
 * and per-row 【編集】【削除】, 【異動】/【契約変更】 (a new row at any date).
 */
export function EmployeeHistoryCard({ employee }: { employee: TEmployeeDetail }) {
  const { t } = useTranslation();
  const [modal, setModal] = useState<TModal | null>(null);
  const [removing, setRemoving] = useState<{ kind: TKind; row: TPeriod } | null>(null);
  const today = todayInJapan();
  const assignments = newestFirst(employee.assignments);
  const contracts = newestFirst(employee.contracts);
  const currentA = assignments.find((a) => a.isCurrent);
  const currentC = contracts.find((c) => c.isCurrent);

  // 「2022/02/20 (3年1か月)」 as the seed shows it; in English (3 yr 1 mo)
  const duration = (since: string) => {
    const parts = durationParts(since, today);
    return t(parts.years > 0 ? 'employeeDetail.durationYears' : 'employeeDetail.durationMonths', parts);
  };
  const nowLine = (label: string, value: string, since: string) => (
    <Group key={label} gap="sm" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" style={{ flex: 1 }}>
        {value || '-'}
      </Text>
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('employeeDetail.current')} {formatDate(since)} ({duration(since)})
      </Text>
    </Group>
  );

  const period = (p: TPeriod) => `${formatDate(p.startDate)} 〜 ${p.endDate ? formatDate(p.endDate) : ''}`.trimEnd();

  return (
    <SectionCard
      title={t('employeeDetail.sections.history')}
      actions={
        employee.canEdit && (
          <>
            <Button size="compact-md" variant="light" onClick={() => setModal({ kind: 'assignment' })}>
              {t('employeeDetail.transfer')}
            </Button>
            <Button size="compact-md" variant="light" onClick={() => setModal({ kind: 'contract' })}>
              {t('employeeDetail.contractChange')}
            </Button>
          </>
        )
      }
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="xs">
          <Title order={4} size="h5">
            {t('employeeDetail.assignment')}
          </Title>
          {currentA ? (
            <Stack gap={4} aria-label={t('employeeDetail.currentAssignment')}>
              {nowLine(
                t('employeeDetail.affiliation'),
                currentA.departmentPath ?? refName(currentA.company) ?? '',
                currentValueSince(assignments, currentA, (a) => `${a.company?.id}/${a.department?.id}`),
              )}
              {nowLine(
                t('employeeForm.fields.positionId'),
                refName(currentA.position),
                currentValueSince(assignments, currentA, (a) => a.position?.id),
              )}
              {nowLine(
                t('employeeForm.fields.gradeId'),
                refName(currentA.grade),
                currentValueSince(assignments, currentA, (a) => a.grade?.id),
              )}
              {nowLine(
                t('employeeForm.fields.jobTypeId'),
                refName(currentA.jobType),
                currentValueSince(assignments, currentA, (a) => a.jobType?.id),
              )}
              {nowLine(
                t('employeeForm.fields.locationId'),
                refName(currentA.location),
                currentValueSince(assignments, currentA, (a) => a.location?.id),
              )}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('employeeDetail.noCurrentAssignment')}
            </Text>
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={4} size="h5">
            {t('employeeDetail.contract')}
          </Title>
          {currentC ? (
            <Stack gap={4}>
              {nowLine(
                t('employeeForm.fields.employmentTypeId'),
                refName(currentC.employmentType),
                currentValueSince(contracts, currentC, (c) => c.employmentType?.id),
              )}
              {nowLine(
                t('employeeForm.fields.workStyleId'),
                refName(currentC.workStyle),
                currentValueSince(contracts, currentC, (c) => c.workStyle?.id),
              )}
              {nowLine(
                t('employeeForm.fields.hiringCategoryId'),
                refName(currentC.hiringCategory),
                currentValueSince(contracts, currentC, (c) => c.hiringCategory?.id),
              )}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('employeeDetail.noCurrentContract')}
            </Text>
          )}
        </Stack>
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={4} size="h5">
              {t('employeeDetail.assignmentHistory')}
            </Title>
            {employee.canEdit && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setModal({ kind: 'assignment' })}
                aria-label={t('employeeDetail.addHistoryOf', { label: t('employeeDetail.assignment') })}
              >
                {t('employeeDetail.addHistory')}
              </Button>
            )}
          </Group>
          {assignments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('employeeDetail.none')}
            </Text>
          ) : (
            <Timeline
              active={assignments.findIndex((a) => a.isCurrent)}
              bulletSize={14}
              lineWidth={2}
              aria-label={t('employeeDetail.assignmentHistory')}
            >
              {assignments.map((a) => (
                <Timeline.Item
                  key={a.id}
                  title={
                    <PeriodTitle
                      kind="assignment"
                      text={period(a)}
                      row={a}
                      canEdit={employee.canEdit}
                      onEdit={() => setModal({ kind: 'assignment', row: a })}
                      onDelete={() => setRemoving({ kind: 'assignment', row: a })}
                    />
                  }
                >
                  <Text size="sm">{a.departmentPath ?? (refName(a.company) || '-')}</Text>
                  <Text size="xs" c="dimmed">
                    {[a.position, a.grade, a.jobType, a.location].map(refName).filter(Boolean).join('・')}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Stack>
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={4} size="h5">
              {t('employeeDetail.contractHistory')}
            </Title>
            {employee.canEdit && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setModal({ kind: 'contract' })}
                aria-label={t('employeeDetail.addHistoryOf', { label: t('employeeDetail.contract') })}
              >
                {t('employeeDetail.addHistory')}
              </Button>
            )}
          </Group>
          {contracts.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('employeeDetail.none')}
            </Text>
          ) : (
            <Timeline
              active={contracts.findIndex((c) => c.isCurrent)}
              bulletSize={14}
              lineWidth={2}
              aria-label={t('employeeDetail.contractHistory')}
            >
              {contracts.map((c) => (
                <Timeline.Item
                  key={c.id}
                  title={
                    <PeriodTitle
                      kind="contract"
                      text={period(c)}
                      row={c}
                      canEdit={employee.canEdit}
                      onEdit={() => setModal({ kind: 'contract', row: c })}
                      onDelete={() => setRemoving({ kind: 'contract', row: c })}
                    />
                  }
                >
                  <Text size="sm">
                    {[c.employmentType, c.workStyle, c.hiringCategory].map(refName).filter(Boolean).join('・') || '-'}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Stack>
      </SimpleGrid>
      {modal?.kind === 'assignment' && (
        <HistoryModal
          kind="assignment"
          employee={employee}
          current={modal.row ?? currentA}
          editing={modal.row}
          onClose={() => setModal(null)}
        />
      )}
      {modal?.kind === 'contract' && (
        <HistoryModal
          kind="contract"
          employee={employee}
          current={modal.row ?? currentC}
          editing={modal.row}
          onClose={() => setModal(null)}
        />
      )}
      {removing && (
        <DeleteHistoryModal
          employeeId={employee.id}
          kind={removing.kind}
          text={period(removing.row)}
          historyId={removing.row.id}
          onClose={() => setRemoving(null)}
        />
      )}
    </SectionCard>
  );
}

function PeriodTitle(props: {
  kind: TKind;
  text: string;
  row: TPeriod;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const of = { period: props.text, label: t(`employeeDetail.${props.kind}`) };
  return (
    <Group gap="xs">
      <Text size="sm" fw={600}>
        {props.text}
      </Text>
      {props.row.isCurrent && (
        <Badge size="sm" variant="light">
          {t('employeeDetail.currentBadge')}
        </Badge>
      )}
      {props.row.isPlanned && (
        <Badge size="sm" variant="light" color="orange">
          {t('employeeDetail.plannedBadge')}
        </Badge>
      )}
      {props.canEdit && (
        <Group gap={0} ml="auto">
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={props.onEdit}
            aria-label={t('employeeDetail.editRowOf', of)}
          >
            {t('employeeDetail.editRow')}
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={props.onDelete}
            aria-label={t('employeeDetail.deleteRowOf', of)}
          >
            {t('employeeDetail.deleteRow')}
          </Button>
        </Group>
      )}
    </Group>
  );
}

/** 【削除】 asks first: the neighbouring rows' end dates change with it. */
function DeleteHistoryModal(props: {
  employeeId: string;
  kind: TKind;
  text: string;
  historyId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateEmployee(props.employeeId);
  const remove = () =>
    update.mutate(
      {
        section: props.kind === 'assignment' ? 'assignments' : 'contracts',
        historyId: props.historyId,
        isDelete: true,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('employeeDetail.historyDeleted') });
          props.onClose();
        },
      },
    );
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('employeeDetail.deleteTitle', { label: t(`employeeDetail.${props.kind}`) })}
    >
      <Stack>
        <Text size="sm">
          {t('employeeDetail.deleteConfirm', { period: props.text, label: t(`employeeDetail.${props.kind}`) })}
        </Text>
        {update.error && (
          <Text size="sm" c="red" role="alert">
            {update.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={remove} loading={update.isPending}>
            {t('employeeDetail.deleteRow')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const assignmentFormOf = (a: TAssignment | undefined): TAssignmentForm =>
  a
    ? {
        companyId: a.company?.id ?? null,
        departmentId: a.department?.id ?? null,
        positionId: a.position?.id ?? null,
        gradeId: a.grade?.id ?? null,
        jobTypeId: a.jobType?.id ?? null,
        locationId: a.location?.id ?? null,
      }
    : EMPTY_ASSIGNMENT;
const contractFormOf = (c: TContract | undefined): TContractForm =>
  c
    ? {
        employmentTypeId: c.employmentType?.id ?? null,
        workStyleId: c.workStyle?.id ?? null,
        hiringCategoryId: c.hiringCategory?.id ?? null,
      }
    : EMPTY_CONTRACT;

/**
 * 【異動】 / 【契約変更】: a new period from 適用日 (any date from 入社日 on), prefilled with the current one;
 * 【編集】: the same form on a stored row, which corrects it. End dates follow on the server.
 */
function HistoryModal(
  props:
    | {
        kind: 'assignment';
        employee: TEmployeeDetail;
        current: TAssignment | undefined;
        editing?: TAssignment;
        onClose: () => void;
      }
    | {
        kind: 'contract';
        employee: TEmployeeDetail;
        current: TContract | undefined;
        editing?: TContract;
        onClose: () => void;
      },
) {
  const { t } = useTranslation();
  const options = useQuery(employeeFormOptionsQueryOptions);
  const update = useUpdateEmployee(props.employee.id);
  const historyId = props.editing?.id;
  const [startDate, setStartDate] = useState(props.editing?.startDate ?? '');
  const [assignment, setAssignment] = useState<TAssignmentForm>(() =>
    props.kind === 'assignment' ? assignmentFormOf(props.current) : EMPTY_ASSIGNMENT,
  );
  const [contract, setContract] = useState<TContractForm>(() =>
    props.kind === 'contract' ? contractFormOf(props.current) : EMPTY_CONTRACT,
  );
  const [errors, setErrors] = useState<TFieldErrors>({});
  const clear = (keys: string[]) =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const onDone = {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t(historyId ? 'employeeDetail.historyUpdated' : 'employeeDetail.historyAdded'),
        });
        props.onClose();
      },
      onError: (err: Error) => setErrors(fieldErrorsOf(err)),
    };
    if (props.kind === 'assignment') {
      const result = validate(ZAssignmentInput, { ...assignment, startDate: startDate || undefined });
      setErrors(result.errors ?? {});
      if (result.data) update.mutate({ section: 'assignments', body: result.data, historyId }, onDone);
    } else {
      const result = validate(ZContractInput, { ...contract, startDate: startDate || undefined });
      setErrors(result.errors ?? {});
      if (result.data) update.mutate({ section: 'contracts', body: result.data, historyId }, onDone);
    }
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={
        historyId
          ? t('employeeDetail.editTitle', { label: t(`employeeDetail.${props.kind}`) })
          : t(props.kind === 'assignment' ? 'employeeDetail.transferTitle' : 'employeeDetail.contractChangeTitle')
      }
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t(historyId ? 'employeeDetail.editHint' : 'employeeDetail.historyHint')}
          </Text>
          <TextInput
            type="date"
            label={t('employeeDetail.startDate')}
            value={startDate}
            onChange={(e) => {
              setStartDate(e.currentTarget.value);
              clear(['startDate']);
            }}
            error={errorText(errors.startDate)}
            required
            max="9999-12-31"
            maw={240}
          />
          {props.kind === 'assignment' ? (
            <AssignmentFields
              value={assignment}
              patch={(p) => {
                setAssignment((a) => ({ ...a, ...p }));
                clear(Object.keys(p));
              }}
              errors={errors}
              options={options.data}
            />
          ) : (
            <ContractFields
              value={contract}
              patch={(p) => {
                setContract((c) => ({ ...c, ...p }));
                clear(Object.keys(p));
              }}
              errors={errors}
              options={options.data}
            />
          )}
          <FormFooter
            onCancel={props.onClose}
            loading={update.isPending}
            error={update.error}
            submitLabel={t(historyId ? 'common.update' : 'employeeDetail.register')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
