// マイページ (R-SELF-2): 基本情報 from the employee master. 氏名・住所・生年月日 are read-only (changed
// through 届出); ご自身の連絡先, 緊急連絡先 and 学歴・職歴・資格免許 have [編集する], with the same cards
// and rules as HR's 従業員情報（詳細）, written through the self-service API.
import type { TMyProfile } from '@jinji/contracts/hr/self-service';
import { ZMyContactsRequest } from '@jinji/contracts/hr/self-service';
import { formatDate } from '@jinji/ja/text';
import { ButtonLink } from '@jinji/web-kit/ui/router-links';
import { Alert, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CareerCard } from '../../employees/components/employee-career-card';
import { EmergencyContactsCard } from '../../employees/components/employee-contacts-card';
import { Fields, SectionCard } from '../../employees/components/section-card';
import { SectionEditForm, SectionViewCard, useSectionEditor } from '../../employees/components/section-editor';
import { myProfileQueryOptions, useUpdateMyProfile } from '../api/my-profile';

const d = (v: string | null) => (v ? formatDate(v) : '');

export const addressOf = (b: TMyProfile['basic']) =>
  [b.postalCode && `〒${b.postalCode}`, [b.prefecture, b.city, b.street, b.building].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(' ');

/** 氏名・生年月日・住所: HR's data, read-only here, with the seed's note. */
export function MyBasicCard({ profile, withAddress = true }: { profile: TMyProfile; withAddress?: boolean }) {
  const { t } = useTranslation();
  const b = profile.basic;
  const hasBusinessName = b.businessLastName || b.businessFirstName;
  return (
    <SectionCard title={t('my.basicInfo')}>
      <Fields
        items={[
          [t('my.employeeNumber'), profile.employeeNumber],
          [t('my.name'), `${b.lastName} ${b.firstName}`],
          [t('my.kana'), `${b.lastNameKana} ${b.firstNameKana}`],
          ...(hasBusinessName
            ? [[t('my.businessName'), `${b.businessLastName ?? ''} ${b.businessFirstName ?? ''}`] as [string, string]]
            : []),
          [t('my.birthDate'), d(b.birthDate)],
          [t('my.hireDate'), d(b.hireDate)],
          ...(withAddress ? [[t('my.address'), addressOf(b)] as [string, string]] : []),
        ]}
      />
      <Alert color="gray" variant="light" p="xs">
        <Text size="sm">{t('my.readOnlyNote')}</Text>
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed">
            {t('my.requestNote')}
          </Text>
          {withAddress && (
            <ButtonLink to="/my/requests/new" size="compact-sm" variant="light">
              {t('my.requestGo')}
            </ButtonLink>
          )}
        </Group>
      </Alert>
    </SectionCard>
  );
}

type TPhones = { phone: string; mobilePhone: string };

/** ご自身の連絡先: 電話番号 and 携帯電話番号 with [編集する]; メールアドレス is HR's. */
function MyContactsCard({ profile }: { profile: TMyProfile }) {
  const { t } = useTranslation();
  const editor = useSectionEditor({
    write: useUpdateMyProfile(),
    section: 'phones',
    schema: ZMyContactsRequest,
    bodyOf: (form: TPhones) => form,
  });
  const b = profile.basic;
  const title = t('my.contacts');
  const { form, setForm } = editor;
  if (form) {
    const input = (key: keyof TPhones) => ({
      value: form[key],
      onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.currentTarget.value }),
      error: editor.err(key),
      inputMode: 'tel' as const,
    });
    return (
      <SectionEditForm editor={editor} title={title}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('my.phone')} {...input('phone')} />
          <TextInput label={t('my.mobilePhone')} {...input('mobilePhone')} />
        </SimpleGrid>
      </SectionEditForm>
    );
  }
  return (
    <SectionViewCard
      title={title}
      canEdit
      editText={t('my.editAction')}
      onEdit={() => editor.open({ phone: b.phone ?? '', mobilePhone: b.mobilePhone ?? '' })}
    >
      <Fields
        items={[
          [t('my.phone'), b.phone],
          [t('my.mobilePhone'), b.mobilePhone],
          [t('my.email'), b.email],
        ]}
      />
      <Text size="xs" c="dimmed">
        {t('my.emailNote')}
      </Text>
    </SectionViewCard>
  );
}

function MyEmergencyContactsCard({ profile }: { profile: TMyProfile }) {
  const { t } = useTranslation();
  return (
    <EmergencyContactsCard
      contacts={profile.contacts}
      canEdit
      editText={t('my.editAction')}
      write={useUpdateMyProfile()}
    />
  );
}

function MyCareerCard({ profile }: { profile: TMyProfile }) {
  const { t } = useTranslation();
  return (
    <CareerCard
      career={profile.career}
      canEdit
      editText={t('my.editAction')}
      write={useUpdateMyProfile()}
      licenseChoices={profile.licenseChoices}
    />
  );
}

export function MyPage() {
  const { t } = useTranslation();
  const { data: profile, error } = useQuery(myProfileQueryOptions);

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('my.title')}
      </Title>
      {error && (
        <Alert color="red" role="alert" title={t('my.noEmployee')}>
          {error.message}
        </Alert>
      )}
      {!profile && !error && (
        <Stack aria-label={t('kit.loading')}>
          <Skeleton h={220} radius="md" />
          <Skeleton h={140} radius="md" />
          <Skeleton h={140} radius="md" />
        </Stack>
      )}
      {profile && (
        <>
          {profile.isStartupPending && (
            <Alert color="indigo" variant="light">
              <Group justify="space-between">
                <Text size="sm">{t('my.startupPending')}</Text>
                <ButtonLink to="/my/startup" size="compact-sm">
                  {t('my.startupGo')}
                </ButtonLink>
              </Group>
            </Alert>
          )}
          <MyBasicCard profile={profile} />
          <MyContactsCard profile={profile} />
          <MyEmergencyContactsCard profile={profile} />
          <MyCareerCard profile={profile} />
        </>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {[t('my.upcoming'), t('my.findCourses')].map((title) => (
          <Card withBorder radius="md" key={title}>
            <Group justify="space-between" wrap="nowrap" mb="xs">
              <Title order={2} size="h4">
                {title}
              </Title>
              <Badge color="gray" variant="light">
                {t('my.comingSoon')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('my.comingSoonText')}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
