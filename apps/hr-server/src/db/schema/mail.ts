// 送信メール: HR's mail outbox, the kit's table (packages/mail, decision 010) in schema public.
import { mailOutboxTable } from '@jinji/mail/outbox';
import { tenants } from './tenants';

export const mailOutbox = mailOutboxTable({ tenantColumn: 'tenant_id', tenantReferences: () => tenants.id });
