// The page of both apps: index.html is only the marker `<!-- jinji:page -->`, which this plugin replaces,
// before Vite reads the page, with the document — its title, the boot screen shown until React renders
// into #root (a slow line sees 読み込み中…, not a white page; CSS only: the CSP allows inline styles, no
// inline script) and the entry /src/main.tsx. A Vite plugin in plain .mjs because Vite's config loader
// does not compile TypeScript from a workspace package.

/** @param {{ title: string; text?: string; color: string; track: string; accent: string }} look */
export function bootScreen(look) {
  const style = `<style>
      .boot-loading { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 16px;
        min-height: 100vh; margin: 0; color: ${look.color}; background: #f8f9fa;
        font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", Meiryo, sans-serif; }
      .boot-loading__spinner { width: 36px; height: 36px; border: 4px solid ${look.track}; border-top-color: ${look.accent};
        border-radius: 50%; animation: boot-spin 0.9s linear infinite; }
      @keyframes boot-spin { to { transform: rotate(360deg); } }
      @media (prefers-reduced-motion: reduce) { .boot-loading__spinner { animation: none; } }
      body { margin: 0; }
    </style>`;
  const screen = `<div class="boot-loading" role="status" aria-live="polite">
        <div class="boot-loading__spinner" aria-hidden="true"></div>
        <p>${look.text ?? '読み込み中…'}</p>
      </div>`;
  const page = `<!doctype html>
<html lang="ja">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>${look.title}</title>
    ${style}
  </head>
  <body>
    <div id="root">
      ${screen}
    </div>
    <script type="module" src="/src/main.tsx"></script>
  </body>
</html>
`;
  return {
    name: 'jinji-boot-screen',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => {
        if (!html.includes('<!-- jinji:page -->')) throw new Error('index.html: expected <!-- jinji:page -->');
        return page;
      },
    },
  };
}
