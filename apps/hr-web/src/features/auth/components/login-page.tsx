import { LoginForm } from '@jinji/web-kit/ui/login-form';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../api/auth';

const loadSchema = () => import('@jinji/contracts/hr/auth').then((m) => m.ZLoginRequest);

export function LoginPage({ tenantCode = '' }: { tenantCode?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const loginMutation = useLogin();
  return (
    <LoginForm
      codeKey="tenantCode"
      initialCode={tenantCode}
      labels={{
        title: t('login.title'),
        tenantCode: t('login.tenantCode'),
        loginId: t('login.loginId'),
        password: t('login.password'),
        submit: t('login.submit'),
      }}
      loadSchema={loadSchema}
      onValid={(body) =>
        loginMutation.mutate(body, {
          onSuccess: (me) => void navigate({ to: me.mustChangePassword ? '/password' : '/' }),
        })
      }
      isPending={loginMutation.isPending}
      error={loginMutation.error}
      footer={
        <AnchorLink to="/password/forgot" search={tenantCode ? { tenantCode } : {}} size="sm" ta="center">
          {t('forgot.link')}
        </AnchorLink>
      }
    />
  );
}
