import type { TTrainingLoginRequest, TTrainingMeResponse } from '@jinji/contracts/training/auth';
import { sessionQueryOptions, useLoginMutation } from '@jinji/web-kit/session';
import { useQuery } from '@tanstack/react-query';

export const meQueryOptions = sessionQueryOptions<TTrainingMeResponse>();
export const useMe = () => useQuery(meQueryOptions).data ?? null;
export const useLogin = () => useLoginMutation<TTrainingLoginRequest, TTrainingMeResponse>();
