import { defineConfig } from '@playwright/test';
import { ADMIN_STATE } from './e2e/artifacts';

// Browser tests against a running backend that serves the built SPA and /graphql with the
// demo data (E2E_BASE_URL, default http://127.0.0.1:8765). Playwright never downloads a browser
// here: it drives Debian's chromium. The `setup` project signs in as the street administrator
// once; the tests start from that session unless they sign in themselves.
// scripts/e2e.sh runs shards side by side (E2E_SHARD), each with its own server and outputs.
const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8765';
const shard = process.env.E2E_SHARD ?? '1';
const executablePath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  outputDir: `../test-artifacts/playwright/shard-${shard}`,
  // A workflow test is many steps, each bounded by its own expect timeout; the test's limit
  // only has to catch a hang, and must not fail a slow but working run on a busy machine.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // On CI a failed test runs once more and is reported as flaky when it then passes.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/, use: { browserName: 'chromium' } },
    {
      name: 'chromium',
      use: { browserName: 'chromium', storageState: ADMIN_STATE },
      dependencies: ['setup'],
    },
  ],
});
