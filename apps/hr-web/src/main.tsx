import { mountApp } from '@jinji/web-kit/ui/mount';
import { i18nReady } from './app/i18n';
import { App } from './app/providers';

mountApp(i18nReady, <App />);
