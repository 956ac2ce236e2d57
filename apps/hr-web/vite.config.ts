import { appViteConfig } from '@jinji/web-kit/vite/app-config';
import react from '@vitejs/plugin-react';
import { routeSizesPlugin } from './build/route-sizes';

export default appViteConfig({
  title: 'jinji 人事管理',
  color: 'indigo',
  plugins: [react(), routeSizesPlugin()],
  apiPort: 3000,
  // The manifest is what build/route-sizes.ts walks to print and test each route's download.
  build: { manifest: true },
});
