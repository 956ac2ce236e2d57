import type { Plugin } from 'vite';

export function bootScreen(look: { text: string; color: string; track: string; accent: string }): Plugin;
