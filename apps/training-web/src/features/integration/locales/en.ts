import type { TStringsOf } from '@jinji/web-kit/locales/ja';
import type { ja } from './ja';

export const en: TStringsOf<typeof ja> = {
  integration: {
    title: 'Integration settings',
    lead: 'Tokens with which an HR system or another SCIM 2.0 client creates, updates and disables users. The login ID, name, name in kana and email of a user provisioned this way are managed by the client and cannot be changed here.',
    endpoint: 'SCIM endpoint',
    endpointHelp: 'Give the client this URL and a token issued below (Authorization: Bearer).',
    label: 'Name',
    labelPlaceholder: 'e.g. HR system',
    issue: 'Issue a token',
    tokens: 'Issued tokens',
    empty: 'No tokens yet. Issue one with “Issue a token”.',
    createdAt: 'Issued',
    lastUsedAt: 'Last used',
    revokedAt: 'Revoked',
    status: 'Status',
    actions: 'Actions',
    active: 'Active',
    revoked: 'Revoked',
    neverUsed: 'Never',
    rotate: 'Reissue',
    revoke: 'Revoke',
    copy: 'Copy',
    copied: 'Copied',
    issuedTitle: 'Token issued',
    issuedWarning:
      'This token is shown only now. Once this dialog is closed it cannot be shown again: copy it into the client.',
    issuedToken: 'Token',
    close: 'Close',
    rotateTitle: 'Reissue this token?',
    rotateBody:
      'The current token of “{{label}}” stops working at once and a new one is issued. Update the client with the new token.',
    revokeTitle: 'Revoke this token?',
    revokeBody: 'The token of “{{label}}” stops working at once. This cannot be undone.',
    cancel: 'Cancel',
    total: '{{count}} in all',
  },
};
