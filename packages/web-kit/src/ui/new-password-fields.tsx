// 新しいパスワード twice, with the rules the browser can check shown live as the user types and the
// server's verdict (common passwords, reuse) after submit: the password change and the password-set page
// of a one-time link ask for it alike.
import { checkPasswordRules, type TPasswordPolicy } from '@jinji/contracts/common/password-policy';
import { Alert, List, PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../validation';

export type TNewPassword = { newPassword: string; confirm: string };

/** The live violations of `password` (empty while nothing is typed or the policy is loading). */
export const liveViolations = (password: string, policy: TPasswordPolicy | undefined, loginId: string) =>
  policy && password ? checkPasswordRules(password, policy, loginId) : [];

export function NewPasswordFields({
  value,
  onChange,
  policy,
  loginId,
  serverErrors,
  confirmError,
}: {
  value: TNewPassword;
  onChange: (key: keyof TNewPassword, value: string) => void;
  policy: TPasswordPolicy | undefined;
  loginId: string;
  /** the server's messages for newPassword */
  serverErrors: string[] | undefined;
  confirmError: string[] | undefined;
}) {
  const { t } = useTranslation();
  const violations = liveViolations(value.newPassword, policy, loginId);
  const fromServer = (serverErrors ?? []).filter((m) => !violations.some((v) => v.message === m));
  const all = [...violations.map((v) => v.message), ...fromServer];
  return (
    <>
      <PasswordInput
        label={t('kit.passwordNew')}
        value={value.newPassword}
        onChange={(e) => onChange('newPassword', e.currentTarget.value)}
        error={all.length > 0}
        autoComplete="new-password"
        aria-describedby={all.length > 0 ? 'new-password-violations' : undefined}
        required
      />
      {all.length > 0 && (
        <Alert
          color="red"
          variant="light"
          id="new-password-violations"
          title={t('kit.passwordViolations')}
          aria-live="polite"
        >
          <List size="sm" spacing={2}>
            {all.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <PasswordInput
        label={t('kit.passwordConfirm')}
        value={value.confirm}
        onChange={(e) => onChange('confirm', e.currentTarget.value)}
        error={errorText(confirmError)}
        autoComplete="new-password"
        required
      />
    </>
  );
}
