import { AppProviders } from '@jinji/web-kit/ui/app-providers';
import { queryClient, router } from './router';

export function App() {
  return <AppProviders router={router} queryClient={queryClient} primaryColor="indigo" />;
}
