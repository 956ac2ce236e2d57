import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders the app into #root once its texts are loaded (the first paint is never in the wrong language). */
export const mountApp = (textsReady: Promise<unknown>, app: React.ReactNode) =>
  void textsReady.then(() => createRoot(document.getElementById('root')!).render(<StrictMode>{app}</StrictMode>));
