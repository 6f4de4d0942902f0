import type { Location } from 'react-router-dom';

export const LOGIN_PATH = '/login';

/** `/login?redirect=<where the user was>`, so that signing in returns there. */
export function loginPath(from?: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  if (!from || from.pathname === '/' || from.pathname === LOGIN_PATH) return LOGIN_PATH;
  const target = `${from.pathname}${from.search}${from.hash}`;
  return `${LOGIN_PATH}?redirect=${encodeURIComponent(target)}`;
}

/** The `redirect` parameter if it is a path of this app (never another site), else home. */
export function safeRedirect(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === LOGIN_PATH || value.startsWith(`${LOGIN_PATH}?`) || value.startsWith(`${LOGIN_PATH}/`))
    return '/';
  return value;
}
