// 届出's daily job: 承認済み・適用待ち requests reach the master on their 適用日. A pg-boss schedule just
// after midnight Japan time, and one run at start so a day the server was down is caught up.
import type PgBoss from 'pg-boss';
import { applyDueRequests, type RequestDeps } from '../features/requests/requests.service';

export const REQUESTS_APPLY_QUEUE = 'requests-apply';

export async function registerRequestJobs(boss: PgBoss, deps: RequestDeps): Promise<void> {
  await boss.createQueue(REQUESTS_APPLY_QUEUE);
  await boss.work(REQUESTS_APPLY_QUEUE, async () => {
    await applyDueRequests(deps);
  });
  await boss.schedule(REQUESTS_APPLY_QUEUE, '5 0 * * *', {}, { tz: 'Asia/Tokyo' });
  await boss.send(REQUESTS_APPLY_QUEUE, {});
}
