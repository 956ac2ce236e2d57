import { appViteConfig } from '@jinji/web-kit/vite/app-config';
import react from '@vitejs/plugin-react';

// training-server listens on TRAINING_PORT (3100 by default); HR's web has Vite's own 5173.
export default appViteConfig({
  title: 'jinji 研修申込システム',
  color: 'teal',
  plugins: [react()],
  devPort: 5174,
  apiPort: 3100,
});
