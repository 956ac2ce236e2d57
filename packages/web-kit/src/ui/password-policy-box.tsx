import { describePolicy, type TPasswordPolicy } from '@jinji/contracts/common/password-policy';
import { List, Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The seed's パスワード要件 box: the tenant's rules, as the setup and password-change pages show them. */
export function PasswordPolicyBox({ policy }: { policy: TPasswordPolicy }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      bg="var(--mantine-color-indigo-0)"
      component="section"
      aria-labelledby={titleId}
    >
      <Title order={3} size="h5" id={titleId} mb="xs">
        {t('kit.passwordPolicyTitle')}
      </Title>
      <List listStyleType="none" spacing={2} size="sm">
        {describePolicy(policy).map((line) => (
          <List.Item key={line}>・{line}</List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {t('kit.passwordInvalidChars')}
      </Text>
      {policy.forbidLoginId && <Text size="sm">{t('kit.passwordNoLoginId')}</Text>}
    </Paper>
  );
}
