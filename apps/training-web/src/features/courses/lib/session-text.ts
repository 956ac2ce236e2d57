// How a session reads on every screen: 開催日時 with the weekday, 開催地 and 会場, 残席.
import type { TCourseSession } from '@jinji/contracts/training/courses';
import { formatDayTime, formatTimeSpan } from '@jinji/ja/text';

export const sessionWhen = (s: TCourseSession) => formatTimeSpan(s.startsAt, s.endsAt);
export const deadlineText = (iso: string) => formatDayTime(iso);

/** 東京都千代田区 jinji研修センター, or the online tool */
export const sessionWhere = (s: TCourseSession) =>
  s.venueKind === 'online' ? s.place : `${s.prefecture ?? ''}${s.city ?? ''} ${s.place}`.trim();

export const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
