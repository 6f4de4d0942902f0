import { test as setup } from '@playwright/test';
import { ADMIN_STATE } from './artifacts';
import { signIn } from './auth';

// Sign in once as the street administrator (who may browse everything) and keep the session
// cookie for the tests that start signed in.
setup('sign in as the street administrator', async ({ page }) => {
  await signIn(page, 'admin');
  await page.context().storageState({ path: ADMIN_STATE });
});
