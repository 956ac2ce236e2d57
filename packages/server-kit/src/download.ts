// The headers of every file a server hands out: the type, and a Japanese file name that says
// which encoding a CSV is in (一覧_Shift_JIS.csv), so a user who took both can tell them apart.
export type TDownloadFormat = 'utf8' | 'cp932' | 'xlsx';

const ENCODING_LABEL = { utf8: 'UTF-8', cp932: 'Shift_JIS' } as const;

/** Always a download (never rendered in the app's origin), under its Japanese name; `fallback` for old clients. */
export const attachmentDisposition = (fileName: string, fallback = 'download') =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** `name` without extension, e.g. 一覧 → 一覧_UTF-8.csv; `fallback` is the ASCII name for old clients. */
export function downloadHeaders(name: string, format: TDownloadFormat, fallback = 'download') {
  const suffix = format === 'xlsx' ? '.xlsx' : `_${ENCODING_LABEL[format]}.csv`;
  const contentType =
    format === 'xlsx'
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : `text/csv; charset=${format === 'utf8' ? 'utf-8' : 'shift_jis'}`;
  return {
    'content-type': contentType,
    'content-disposition': attachmentDisposition(`${name}${suffix}`, `${fallback}${suffix}`),
  };
}
