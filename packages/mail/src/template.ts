// Mail templates: a name and a render function to subject, plain text and (cheaply) HTML. The apps
// write their own templates with these; the outbox stores what was rendered, so the list shows the
// mail exactly as it went out even after a template changes.

export type MailContent = { subject: string; text: string; html?: string };
export type MailTemplate<D> = { name: string; render(data: D): MailContent };

export const defineMailTemplate = <D>(name: string, render: (data: D) => MailContent): MailTemplate<D> => ({
  name,
  render,
});

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/**
 * The HTML part from the plain text: escaped, paragraphs kept, http(s) URLs made links. One source for
 * both parts, so they cannot say different things.
 */
export function htmlFromText(text: string): string {
  const body = text
    .split(/\n{2,}/)
    .map((para) => {
      const escaped = escapeHtml(para).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
      return `<p>${escaped.replaceAll('\n', '<br>')}</p>`;
    })
    .join('\n');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body>${body}</body></html>`;
}

/** A template whose HTML part is derived from its text. */
export const defineTextMailTemplate = <D>(name: string, render: (data: D) => { subject: string; text: string }) =>
  defineMailTemplate<D>(name, (data) => {
    const { subject, text } = render(data);
    return { subject, text, html: htmlFromText(text) };
  });
