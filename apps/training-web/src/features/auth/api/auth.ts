import type { TTrainingPermission } from '@jinji/contracts/training/access';
import type { TTrainingLoginRequest, TTrainingMeResponse } from '@jinji/contracts/training/auth';
import { sessionQueryOptions, useLoginMutation } from '@jinji/web-kit/session';
import { useQuery } from '@tanstack/react-query';

export const meQueryOptions = sessionQueryOptions<TTrainingMeResponse>();
export const useMe = () => useQuery(meQueryOptions).data ?? null;
/** May the signed-in user do `permission`? The server's matrix (contracts/training/access.ts), as /auth/me lists it. */
export const allows = (me: TTrainingMeResponse | null | undefined, permission: string) =>
  me?.permissions.includes(permission as TTrainingPermission) ?? false;
export const useCan = (permission: TTrainingPermission) => allows(useMe(), permission);
export const useLogin = () => useLoginMutation<TTrainingLoginRequest, TTrainingMeResponse>();
