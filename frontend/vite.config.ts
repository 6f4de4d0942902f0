import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The production build is served by the Python backend at `/` (SPA fallback to index.html)
// with GraphQL at `/graphql` on the same origin. In development we proxy `/graphql`.
const backend = process.env.BACKEND_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/graphql': { target: backend, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: backend, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Name the shared vendor chunks instead of letting the first importer name them.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
            },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|dayjs)[\\/]/,
            },
            { name: 'graphql', test: /node_modules[\\/](urql|@urql|graphql|wonka)[\\/]/ },
          ],
        },
      },
    },
  },
});
