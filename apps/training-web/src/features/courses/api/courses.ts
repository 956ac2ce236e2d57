import type {
  TCourseDetail,
  TCourseInput,
  TCourseSearchResponse,
  TCourseSession,
  TSessionInput,
} from '@jinji/contracts/training/courses';
import { apiClient } from '@jinji/web-kit/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

/** The search form's state, as the URL's query keeps it. */
export type TCourseSearchParams = {
  q?: string;
  from?: string;
  to?: string;
  venueKind?: 'venue' | 'online';
  prefecture?: string;
  city?: string;
  category?: string;
  hasSeats?: boolean;
  includeUnpublished?: boolean;
  page?: number;
};

export const PAGE_SIZE = 10;

export function searchQueryString(p: TCourseSearchParams): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined || v === '' || v === false) continue;
    s.set(k, String(v));
  }
  s.set('pageSize', String(PAGE_SIZE));
  return s.toString();
}

export const courseSearchQueryOptions = (p: TCourseSearchParams) =>
  queryOptions({
    queryKey: ['courses', 'search', p],
    queryFn: () => apiClient.get<TCourseSearchResponse>(`/api/v1/courses?${searchQueryString(p)}`),
    placeholderData: keepPreviousData,
  });

export const courseQueryOptions = (courseId: string) =>
  queryOptions({
    queryKey: ['courses', 'detail', courseId],
    queryFn: () => apiClient.get<TCourseDetail>(`/api/v1/courses/${encodeURIComponent(courseId)}`),
  });

function useInvalidateCourses() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['courses'] });
}

export function useSaveCourse() {
  const invalidate = useInvalidateCourses();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TCourseInput }) =>
      id
        ? apiClient.put<TCourseDetail>(`/api/v1/courses/${id}`, body)
        : apiClient.post<TCourseDetail>('/api/v1/courses', body),
    onSuccess: invalidate,
  });
}

export function useDeleteCourse() {
  const invalidate = useInvalidateCourses();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete<void>(`/api/v1/courses/${id}`),
    onSuccess: invalidate,
  });
}

export function useSaveSession(courseId: string) {
  const invalidate = useInvalidateCourses();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TSessionInput }) =>
      id
        ? apiClient.put<TCourseSession>(`/api/v1/courses/${courseId}/sessions/${id}`, body)
        : apiClient.post<TCourseSession>(`/api/v1/courses/${courseId}/sessions`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteSession(courseId: string) {
  const invalidate = useInvalidateCourses();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete<void>(`/api/v1/courses/${courseId}/sessions/${id}`),
    onSuccess: invalidate,
  });
}

/** The application form of a session (the applications slice's page). */
export const applyHref = (sessionId: string) => `/applications/new?session=${encodeURIComponent(sessionId)}`;
/** The deep link HR's My STORY opens: login first when signed out, then the form. */
export const deepLinkPath = (courseId: string, sessionId: string) => `/courses/${courseId}/sessions/${sessionId}/apply`;
