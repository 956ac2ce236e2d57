import { safeReturnPath } from '@jinji/web-kit/return-path';
import { LoginForm } from '@jinji/web-kit/ui/login-form';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../api/auth';

const loadSchema = () => import('@jinji/contracts/training/auth').then((m) => m.ZTrainingLoginRequest);

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const loginMutation = useLogin();
  // the login URL of 【ログイン情報送付】's mail and of the password-set page carries the 組織コード; a deep
  // link sends the visitor back (`redirect`) when it is a path of this site
  const search = useSearch({ strict: false }) as { organizationCode?: unknown; redirect?: unknown };
  const back = safeReturnPath(search.redirect) ?? '/';
  return (
    <LoginForm
      codeKey="organizationCode"
      initialCode={typeof search.organizationCode === 'string' ? search.organizationCode : ''}
      labels={{
        title: t('login.title'),
        tenantCode: t('login.organizationCode'),
        loginId: t('login.loginId'),
        password: t('login.password'),
        submit: t('login.submit'),
      }}
      loadSchema={loadSchema}
      onValid={(body) => loginMutation.mutate(body, { onSuccess: () => void navigate({ href: back }) })}
      isPending={loginMutation.isPending}
      error={loginMutation.error}
    />
  );
}
