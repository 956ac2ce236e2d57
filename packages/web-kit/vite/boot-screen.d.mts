import type { Plugin } from 'vite';

export function bootScreen(look: {
  title: string;
  text?: string;
  color: string;
  track: string;
  accent: string;
}): Plugin;
