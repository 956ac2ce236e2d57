import type { TStringsOf } from '@jinji/web-kit/locales/ja';
import type { ja } from './ja';

export const en: TStringsOf<typeof ja> = {
  mails: {
    title: 'Sent mail',
    lead: 'Mails the system sent (account notices, password resets). Bodies hold personal data: only system administrators can read them.',
    noSmtp: 'No SMTP server is configured (SMTP_URL): mails are not sent and are kept here as “Not sent”.',
    at: 'Date',
    to: 'To',
    subject: 'Subject',
    status: 'Status',
    attempts: 'Attempts',
    kind: 'Kind',
    sentAt: 'Sent at',
    errorCode: 'Error code',
    body: 'Body (text)',
    open: 'Show body',
    retry: 'Send again',
    retried: 'The mail will be sent again',
    close: 'Close',
    sendTest: 'Send a test mail',
    testKept: 'The test mail was created. No SMTP server is configured, so it stays below as “Not sent”',
    testQueued: 'A test mail is on its way to your own address',
    empty: 'No mail has been sent',
    statuses: { pending: 'Waiting', sending: 'Sending', sent: 'Sent', failed: 'Failed', unsent: 'Not sent' },
  },
};
