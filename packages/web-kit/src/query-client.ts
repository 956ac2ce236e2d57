import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/**
 * The app's query client: `onApiError` sees every failed query and mutation (the app sends the user to
 * login when the session is gone); a 4xx is the server's answer and is not retried, a 5xx or network
 * failure is retried twice.
 */
export function createQueryClient(onApiError: (error: ApiError) => void): QueryClient {
  const onError = (error: Error) => {
    if (error instanceof ApiError) onApiError(error);
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 2 },
    },
  });
}
