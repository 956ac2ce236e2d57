import type { TLoginRequest, TMeResponse } from '@jinji/contracts/hr/auth';
import { useLoginMutation, useLogoutMutation } from '@jinji/web-kit/session';

export const useLogin = () => useLoginMutation<TLoginRequest, TMeResponse>();
export const useLogout = useLogoutMutation;
