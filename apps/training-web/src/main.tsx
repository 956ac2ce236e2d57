import { AppProviders } from '@jinji/web-kit/ui/app-providers';
import { mountApp } from '@jinji/web-kit/ui/mount';
import { i18nReady } from './app/i18n';
import { queryClient, router } from './app/router';

mountApp(i18nReady, <AppProviders router={router} queryClient={queryClient} primaryColor="teal" />);
