import { AppProviders } from '@jinji/web-kit/ui/app-providers';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './app/i18n';
import { queryClient, router } from './app/router';

void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProviders router={router} queryClient={queryClient} primaryColor="teal" />
    </StrictMode>,
  ),
);
