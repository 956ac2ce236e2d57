// Messages stored as a code with parameters, rendered when shown: in Japanese for the CSV error report
// and the API's `message`, in the user's language in the web (i18next reads the same templates). A
// parameter may itself be a message (「日付として読めません「S64.2.1」（昭和は64年1月7日まで）」), so the
// reason inside is translated too. Templates use i18next's {{name}} interpolation.

export type TMessageParam = string | number | TMessage;
export type TMessage = { code: string; params?: Record<string, TMessageParam> };
export type TMessageCatalogue = Readonly<Record<string, string>>;

const isMessage = (v: TMessageParam): v is TMessage => typeof v === 'object' && v !== null && 'code' in v;

/** `m` in the catalogue's language; an unknown code renders as the code itself (never an empty cell). */
export function renderMessage(catalogue: TMessageCatalogue, m: TMessage): string {
  const template = catalogue[m.code];
  if (template === undefined) return m.code;
  const params = m.params ?? {};
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) return '';
    return isMessage(v) ? renderMessage(catalogue, v) : String(v);
  });
}

/** The {{name}}s a template uses, to check that every language's template asks for the same ones. */
export const templateParams = (template: string): string[] =>
  [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

/** A message whose parameters are messages too, with each nested one rendered by `render` first. */
export function flattenParams(
  m: TMessage,
  render: (nested: TMessage) => string,
): Record<string, string | number> | undefined {
  if (!m.params) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params)) out[k] = isMessage(v) ? render(v) : v;
  return out;
}
