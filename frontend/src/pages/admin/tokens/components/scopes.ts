import { t } from '../../../../locales';

/** The scopes an API token may carry (backend/accounts/tokens.py API_SCOPES), in that order. */
export const API_SCOPES = [
  'read:organisations',
  'read:units',
  'read:members',
  'read:people',
  'read:personal-data',
  'read:volunteering',
  'read:cobuilding',
  'read:meetings',
  'read:evaluations',
  'write:needs',
] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export const isApiScope = (scope: string): scope is ApiScope =>
  (API_SCOPES as readonly string[]).includes(scope);

/** What a scope allows, in Chinese; the scope itself for one this page does not know. */
export function scopeDescription(scope: string): string {
  return isApiScope(scope) ? t(`pages.tokens.scopes.${scope}`) : scope;
}
