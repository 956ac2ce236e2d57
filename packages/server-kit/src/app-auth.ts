// The auth kit (packages/auth) as every jinji server uses it: the kit's errors (AppError) for a failed
// CSRF check and a missing session, and one `authorize` — a signed-in user, the app's further refusal if
// it has one (HR: a password to change first), then for a 'permission' route the app's matrix.
import { type AuthKitOptions, type AuthPluginOptions, createAuthKit } from '@jinji/auth/fastify-auth';
import { AppError } from './app-error';

export function appAuthKit<U, S = never>(opts: {
  cookiePrefix: string;
  apiPrefix: NonNullable<AuthKitOptions['apiPrefix']>;
  /** may `user` use a route that declares `permission`? (a key of the app's matrix, or another app's) */
  allows(user: U, permission: string): boolean;
  /** throws when `user` may use no route of `access` for a reason of the app's own */
  refuse?(user: U, access: Parameters<AuthPluginOptions<U, S>['authorize']>[1]): void;
}) {
  const kit = createAuthKit<U, S>({
    cookiePrefix: opts.cookiePrefix,
    apiPrefix: opts.apiPrefix,
    csrfFailed: () => new AppError('CSRF_FAILED'),
    unauthenticated: () => new AppError('UNAUTHENTICATED'),
  });
  const authorize: AuthPluginOptions<U, S>['authorize'] = (user, access) => {
    if (!user) throw new AppError('UNAUTHENTICATED');
    opts.refuse?.(user, access);
    if (access.kind === 'permission' && !opts.allows(user, access.permission)) throw new AppError('FORBIDDEN');
  };
  return { ...kit, authorize };
}

export type AppAuthKit<U, S = never> = ReturnType<typeof appAuthKit<U, S>>;

/** An app's auth as the kit's app registers it: its kit, and how a cookie or a bearer token finds its caller. */
export type AppAuth<U, S> = {
  kit: AppAuthKit<U, S>;
  resolveSession: AuthPluginOptions<U, S>['resolveSession'];
  resolveService?: AuthPluginOptions<U, S>['resolveService'];
};
