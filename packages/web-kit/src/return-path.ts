// Where the login sends a user back to (`/login?redirect=…`): only a path of this site. A full URL,
// `//evil.example`, `/\evil.example`, a scheme (`javascript:`), control characters or anything that
// resolves to another origin is refused, so a crafted login link cannot open a redirect to another site.

const ORIGIN = 'https://jinji.invalid';

/** The path to return to after login, or null when `raw` is not a same-origin relative path. */
export function safeReturnPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return null;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001F\u007F\\]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  // `/.//evil.example` normalises to `//evil.example`: what is handed back is checked, not only what came in
  if (url.pathname.startsWith('//')) return null;
  // the login page itself is no place to return to
  if (url.pathname === '/login') return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
