// The auth kit's PasswordLinkInvalid as the API's error: PASSWORD_LINK_INVALID (410) with the message
// that says which (expired / used), for every app's public password-link routes.
import { PASSWORD_LINK_MESSAGES, PasswordLinkInvalid } from '@jinji/auth/password-links';
import { AppError } from './app-error';

/** Runs `fn`; a PasswordLinkInvalid it throws comes out as AppError('PASSWORD_LINK_INVALID'). */
export async function withPasswordLinkErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof PasswordLinkInvalid) {
      throw new AppError('PASSWORD_LINK_INVALID', PASSWORD_LINK_MESSAGES[error.problem]);
    }
    throw error;
  }
}
