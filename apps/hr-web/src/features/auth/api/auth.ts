import type { TLoginRequest, TMeResponse } from '@jinji/contracts/hr/auth';
import { useLoginMutation } from '@jinji/web-kit/session';

export const useLogin = () => useLoginMutation<TLoginRequest, TMeResponse>();
