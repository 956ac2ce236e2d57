// A session's form fields in Japan time (date, times, deadlines as datetime-local) ↔ its request body.
import type { TCourseSession } from '@jinji/contracts/training/courses';

export type TSessionForm = {
  date: string;
  startTime: string;
  endTime: string;
  venueKind: 'venue' | 'online';
  prefecture: string | null;
  city: string;
  place: string;
  address: string;
  capacity: number | string;
  applyDeadline: string;
  cancelDeadline: string;
};

/** an instant → 'yyyy-mm-ddThh:mm' in Japan time */
export function japanLocal(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 16);
}

const moment = (local: string) => (local ? `${local}:00+09:00` : '');

export function sessionFormOf(s: TCourseSession | null): TSessionForm {
  if (!s) {
    return {
      date: '',
      startTime: '13:00',
      endTime: '17:00',
      venueKind: 'venue',
      prefecture: null,
      city: '',
      place: '',
      address: '',
      capacity: 20,
      applyDeadline: '',
      cancelDeadline: '',
    };
  }
  const start = japanLocal(s.startsAt);
  return {
    date: start.slice(0, 10),
    startTime: start.slice(11),
    endTime: japanLocal(s.endsAt).slice(11),
    venueKind: s.venueKind,
    prefecture: s.prefecture,
    city: s.city ?? '',
    place: s.place,
    address: s.address,
    capacity: s.capacity,
    applyDeadline: japanLocal(s.applyDeadline),
    cancelDeadline: japanLocal(s.cancelDeadline),
  };
}

export function sessionBodyOf(f: TSessionForm) {
  const online = f.venueKind === 'online';
  return {
    startsAt: f.date && f.startTime ? moment(`${f.date}T${f.startTime}`) : '',
    endsAt: f.date && f.endTime ? moment(`${f.date}T${f.endTime}`) : '',
    venueKind: f.venueKind,
    prefecture: online ? null : f.prefecture,
    city: online ? null : f.city.trim() || null,
    place: f.place,
    address: online ? '' : f.address,
    capacity: f.capacity === '' ? Number.NaN : Number(f.capacity),
    applyDeadline: moment(f.applyDeadline),
    cancelDeadline: moment(f.cancelDeadline),
  };
}
