import { LoginForm } from '@jinji/web-kit/ui/login-form';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../api/auth';

const loadSchema = () => import('@jinji/contracts/training/auth').then((m) => m.ZTrainingLoginRequest);

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const loginMutation = useLogin();
  return (
    <LoginForm
      codeKey="organizationCode"
      labels={{
        title: t('login.title'),
        tenantCode: t('login.organizationCode'),
        loginId: t('login.loginId'),
        password: t('login.password'),
        submit: t('login.submit'),
      }}
      loadSchema={loadSchema}
      onValid={(body) => loginMutation.mutate(body, { onSuccess: () => void navigate({ to: '/' }) })}
      isPending={loginMutation.isPending}
      error={loginMutation.error}
    />
  );
}
