import { LanguageToggle } from '@jinji/web-kit/ui/language-toggle';
import { PublicShell } from '@jinji/web-kit/ui/public-shell';
import type { ReactNode } from 'react';
import { HeaderUser } from './header-user';

/** Login, setup and the password page: product name, language, and (if signed in) the user. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <PublicShell
      color="indigo"
      headerRight={
        <>
          <HeaderUser showPasswordLink={false} />
          <LanguageToggle />
        </>
      }
    >
      {children}
    </PublicShell>
  );
}
