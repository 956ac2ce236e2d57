// The boot screen both apps' index.html show until React renders into #root: a slow line sees
// 読み込み中…, not a white page. CSS only (the CSP allows inline styles, no inline script). A Vite
// plugin in plain .mjs because Vite's config loader does not compile TypeScript from a workspace package.

/** @param {{ text: string; color: string; track: string; accent: string }} look */
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
        <p>${look.text}</p>
      </div>`;
  return {
    name: 'jinji-boot-screen',
    transformIndexHtml: (html) =>
      html.replace('<!-- boot-screen:style -->', style).replace('<!-- boot-screen:markup -->', screen),
  };
}
