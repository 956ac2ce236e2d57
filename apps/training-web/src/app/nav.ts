// The menu of the course-application system, in the seed's order. Every page is 準備中 for now.
import type { TResources } from './i18n';

export type TNavKey = Exclude<keyof TResources['nav'], 'main'>;

export const NAV = [
  { label: 'users', to: '/users' },
  { label: 'courses', to: '/courses' },
  { label: 'applications', to: '/applications' },
  { label: 'approvals', to: '/approvals' },
  { label: 'purchases', to: '/purchases' },
  { label: 'attendees', to: '/attendees' },
] as const satisfies readonly { label: TNavKey; to: `/${string}` }[];
