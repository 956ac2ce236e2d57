// 従業員スタートアップ (R-SELF-1), the seed's steps 1–6: 事前準備リスト (printable) → 入力開始 → 基本情報 →
// 緊急連絡先 (max 3) → 学歴・職歴・資格免許 → 確認 【この内容で登録する】. Each 【次へ】 saves the step's
// answers as a server-side draft, so a closed browser resumes at the step it stopped; the master is
// written only by 【この内容で登録する】. The forms are マイページ's own cards in their wizard mode.
import {
  STARTUP_STEPS,
  type TStartupSaveRequest,
  type TStartupStep,
  ZStartupBasic,
} from '@jinji/contracts/hr/self-service';
import { fieldErrorsOf } from '@jinji/web-kit/api-client';
import { type TFieldErrors, validate } from '@jinji/web-kit/validation';
import { Alert, Button, Group, List, Paper, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddressFields, EMPTY_BASIC_FORM, type TAddressForm } from '../../employees/components/employee-basic-fields';
import { CareerCard, CareerView } from '../../employees/components/employee-career-card';
import { EmergencyContactsCard, EmergencyContactsView } from '../../employees/components/employee-contacts-card';
import { blanksToNull, FormFooter, SectionCard } from '../../employees/components/section-card';
import type { TSectionWriter } from '../../employees/components/section-editor';
import { startupQueryOptions, useCompleteStartup, useSaveStartupStep } from '../api/my-profile';
import { MyBasicCard } from './my-page';
import './startup-print.css';

type TSave = ReturnType<typeof useSaveStartupStep>;

/** A wizard card's writer: its section body becomes the step's draft, then the wizard moves on. */
function stepWriter<S extends 'contacts' | 'career'>(
  save: TSave,
  toRequest: (body: never) => TStartupSaveRequest,
  onSaved: (step: TStartupStep) => void,
): TSectionWriter<S> {
  return {
    mutate: (write, opts) =>
      save.mutate(toRequest(write.body as never), {
        onSuccess: (state) => {
          opts.onSuccess();
          onSaved(state.step);
        },
        onError: opts.onError,
      }),
    reset: save.reset,
    isPending: save.isPending,
    error: save.error,
  };
}

const { postalCode, prefecture, city, street, building, phone, mobilePhone } = EMPTY_BASIC_FORM;
const EMPTY_ADDRESS: TAddressForm = { postalCode, prefecture, city, street, building, phone, mobilePhone };

export function StartupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: state, error } = useQuery(startupQueryOptions);
  const save = useSaveStartupStep();
  const complete = useCompleteStartup();
  // the step shown: the draft's on arrival, a previous one after 【戻る】 (going back saves nothing)
  const [step, setStep] = useState<TStartupStep | null>(null);
  const [address, setAddress] = useState<TAddressForm | null>(null);
  const [errors, setErrors] = useState<TFieldErrors>({});

  useEffect(() => {
    if (state && !state.isPending) void navigate({ to: '/my' });
    if (state && step === null) setStep(state.step);
  }, [state, step, navigate]);

  if (error)
    return (
      <Alert color="red" role="alert">
        {error.message}
      </Alert>
    );
  if (!state || !step)
    return (
      <Stack aria-label={t('kit.loading')}>
        <Skeleton h={40} />
        <Skeleton h={240} radius="md" />
      </Stack>
    );

  const index = STARTUP_STEPS.indexOf(step);
  const back = () => setStep(STARTUP_STEPS[Math.max(0, index - 1)]!);
  const go = (request: TStartupSaveRequest) =>
    save.mutate(request, {
      onSuccess: (s) => setStep(s.step),
      // the step's answers are under their key (basic.postalCode); the inputs know them by field
      onError: (e) =>
        setErrors(Object.fromEntries(Object.entries(fieldErrorsOf(e)).map(([k, v]) => [k.replace(/^basic\./, ''), v]))),
    });
  const draft = state.draft;
  const profile = state.profile;
  const licenseName = new Map(profile.licenseChoices.map((l) => [l.id, l.name]));
  const career = draft.career && {
    ...draft.career,
    licenses: draft.career.licenses.map((l) => ({ ...l, name: licenseName.get(l.licenseId) })),
  };
  const wizard = (next: string) => ({ submitLabel: next, cancelLabel: t('startup.back'), onCancel: back });

  const addressForm =
    address ??
    (draft.basic
      ? Object.fromEntries(Object.entries(draft.basic).map(([k, v]) => [k, k === 'prefecture' ? v : (v ?? '')]))
      : { ...EMPTY_ADDRESS, phone: profile.basic.phone ?? '', mobilePhone: profile.basic.mobilePhone ?? '' });
  const submitBasic = (e: FormEvent) => {
    e.preventDefault();
    const result = validate(ZStartupBasic, blanksToNull(addressForm as TAddressForm));
    setErrors(result.errors ?? {});
    if (result.data) go({ step: 'emergency', basic: result.data });
  };

  const register = () =>
    complete.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('startup.done') });
        void navigate({ to: '/my' });
      },
    });

  return (
    <Stack>
      <Title order={1} size="h2" className="startup-noprint">
        {t('startup.title')}
      </Title>
      <Stack gap={4} className="startup-noprint">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm">
            {index + 1} / {STARTUP_STEPS.length}　{t(`startup.steps.${step}`)}
          </Text>
        </Group>
        <Progress value={((index + 1) / STARTUP_STEPS.length) * 100} aria-hidden />
      </Stack>

      {step === 'prepare' && (
        <Paper withBorder radius="md" p="lg" className="startup-print">
          <Stack>
            <Title order={2} size="h3">
              {t('startup.prepareTitle')}
            </Title>
            <Text size="sm">{t('startup.prepareLead')}</Text>
            <List spacing="xs" size="sm">
              {(['address', 'phones', 'emergency', 'education', 'work', 'licenses'] as const).map((k) => (
                <List.Item key={k}>{t(`startup.prepareItems.${k}`)}</List.Item>
              ))}
            </List>
            <Group justify="flex-end" className="startup-noprint">
              <Button variant="default" onClick={() => window.print()}>
                {t('startup.print')}
              </Button>
              <Button onClick={() => go({ step: 'start' })} loading={save.isPending}>
                {t('startup.next')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {step === 'start' && (
        <SectionCard title={t('startup.startTitle')}>
          <Text size="sm">{t('startup.intro')}</Text>
          <Text size="sm">{t('startup.startLead')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={back}>
              {t('startup.back')}
            </Button>
            <Button onClick={() => go({ step: 'basic' })} loading={save.isPending}>
              {t('startup.startButton')}
            </Button>
          </Group>
        </SectionCard>
      )}

      {step === 'basic' && (
        <>
          <MyBasicCard profile={profile} withAddress={false} />
          <SectionCard title={t('startup.steps.basic')}>
            <Text size="sm">{t('startup.basicLead')}</Text>
            <form onSubmit={submitBasic} noValidate>
              <Stack>
                <AddressFields
                  form={addressForm as TAddressForm}
                  patch={(p) => {
                    setAddress({ ...(addressForm as TAddressForm), ...p });
                    // a corrected input drops its old message
                    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in p))));
                  }}
                  errors={errors}
                />
                <FormFooter
                  onCancel={back}
                  loading={save.isPending}
                  error={save.error}
                  submitLabel={t('startup.next')}
                  cancelLabel={t('startup.back')}
                />
              </Stack>
            </form>
          </SectionCard>
        </>
      )}

      {step === 'emergency' && (
        <EmergencyContactsCard
          contacts={draft.emergency ?? profile.contacts}
          canEdit
          write={stepWriter<'contacts'>(save, (emergency) => ({ step: 'career', emergency }), setStep)}
          wizard={wizard(t('startup.next'))}
        />
      )}

      {step === 'career' && (
        <CareerCard
          career={career ?? profile.career}
          canEdit
          write={stepWriter<'career'>(save, (c) => ({ step: 'confirm', career: c }), setStep)}
          licenseChoices={profile.licenseChoices}
          wizard={wizard(t('startup.next'))}
        />
      )}

      {step === 'confirm' && (
        <>
          <Text size="sm">{t('startup.confirmLead')}</Text>
          <MyBasicCard profile={{ ...profile, basic: { ...profile.basic, ...draft.basic } }} />
          <SectionCard
            title={t('startup.steps.emergency')}
            actions={
              <Button size="compact-sm" variant="light" onClick={() => setStep('emergency')}>
                {t('startup.edit')}
              </Button>
            }
          >
            <EmergencyContactsView contacts={draft.emergency ?? { emergencyContacts: [] }} />
          </SectionCard>
          <SectionCard
            title={t('startup.steps.career')}
            actions={
              <Button size="compact-sm" variant="light" onClick={() => setStep('career')}>
                {t('startup.edit')}
              </Button>
            }
          >
            <CareerView career={career ?? { education: [], workHistory: [], licenses: [] }} />
          </SectionCard>
          {complete.error && (
            <Alert color="red" role="alert">
              {complete.error.message}
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            {t('startup.afterNote')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={back}>
              {t('startup.back')}
            </Button>
            <Button onClick={register} loading={complete.isPending}>
              {t('startup.register')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
