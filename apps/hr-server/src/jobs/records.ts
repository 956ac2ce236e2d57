// 期限付きタスク's daily job: the 担当者 of a task due tomorrow gets one reminder mail. A pg-boss schedule
// just after midnight Japan time (after the 届出 apply job), and one run at start so a missed day is caught up.
import type PgBoss from 'pg-boss';
import { type RecordDeps, remindDueTasks } from '../features/records/records.service';

export const RECORDS_REMIND_QUEUE = 'records-remind';

export async function registerRecordJobs(boss: PgBoss, deps: RecordDeps): Promise<void> {
  await boss.createQueue(RECORDS_REMIND_QUEUE);
  await boss.work(RECORDS_REMIND_QUEUE, async () => {
    await remindDueTasks(deps);
  });
  await boss.schedule(RECORDS_REMIND_QUEUE, '10 0 * * *', {}, { tz: 'Asia/Tokyo' });
  await boss.send(RECORDS_REMIND_QUEUE, {});
}
