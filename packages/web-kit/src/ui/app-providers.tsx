// Mantine, notifications, TanStack Query and Router around an app, with the look both apps share.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './required-mark.css';
import { createTheme, type MantineColor, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type AnyRouter, RouterProvider } from '@tanstack/react-router';

const themeOf = (primaryColor: MantineColor) =>
  createTheme({
    primaryColor,
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Noto Sans CJK JP", Meiryo, sans-serif',
    defaultRadius: 'md',
    // The asterisk would become part of the label text ("パスワード *"); fields stay `required` and
    // required-mark.css draws ※ instead.
    // Keyed by name, not `Select.extend(…)`: importing the components here would put Select's popover
    // and NumberInput's formatter into the first download of every page.
    components: Object.fromEntries(
      ['TextInput', 'PasswordInput', 'NumberInput', 'Select'].map((name) => [
        name,
        { defaultProps: { withAsterisk: false } },
      ]),
    ),
  });

export function AppProviders({
  router,
  queryClient,
  primaryColor = 'indigo',
}: {
  router: AnyRouter;
  queryClient: QueryClient;
  primaryColor?: MantineColor;
}) {
  return (
    <MantineProvider theme={themeOf(primaryColor)}>
      <Notifications position="bottom-right" autoClose={4000} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
