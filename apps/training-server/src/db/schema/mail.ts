// Training's mail outbox: the kit's table (packages/mail, decision 010) in schema training.
import { mailOutboxTable } from '@jinji/mail/outbox';
import { organisations, training } from './organisations';

export const mailOutbox = mailOutboxTable({
  schema: training,
  tenantColumn: 'organisation_id',
  tenantReferences: () => organisations.id,
});
