// The one transport-error handler (cf. Ant Design Pro's src/requestErrorConfig.ts).
// Network/HTTP failures raise one notification; pages render the same description inline.
import type { CombinedError } from '@urql/core';
import { t } from '../locales';

export interface ErrorDescription {
  title: string;
  description: string;
  /** true when the server could not be reached or answered with a non-GraphQL failure */
  network: boolean;
  /** GraphQL error codes from `extensions.code`, if any */
  codes: string[];
}

export function describeError(error: CombinedError | Error): ErrorDescription {
  if ('graphQLErrors' in error) {
    if (error.networkError) {
      return {
        title: t('pages.common.error.title'),
        description: t('pages.common.error.network'),
        network: true,
        codes: [],
      };
    }
    const messages = error.graphQLErrors.map((e) => e.message).filter(Boolean);
    const codes = error.graphQLErrors
      .map((e) => e.extensions?.code)
      .filter((c): c is string => typeof c === 'string');
    return {
      title: t('pages.common.error.title'),
      description: messages.length > 0 ? messages.join('；') : t('pages.common.error.unknown'),
      network: false,
      codes,
    };
  }
  return {
    title: t('pages.common.error.title'),
    description: error.message || t('pages.common.error.unknown'),
    network: false,
    codes: [],
  };
}

function hasCode(error: CombinedError | Error | null | undefined, ...codes: string[]): boolean {
  if (!error || !('graphQLErrors' in error)) return false;
  return error.graphQLErrors.some((e) => {
    const code = e.extensions?.code;
    return typeof code === 'string' && codes.includes(code);
  });
}

/** Errors that mean "no such record": unknown, malformed or out-of-scope IDs read alike. */
export function isNotFound(error: CombinedError | undefined): boolean {
  return hasCode(error, 'NOT_FOUND', 'INVALID_ID');
}

/** The signed-in user's roles may not read or do this. */
export function isForbidden(error: CombinedError | Error | null | undefined): boolean {
  return hasCode(error, 'FORBIDDEN');
}

/** Not signed in, or the session ended (expired, signed out elsewhere, password changed). */
export function isUnauthenticated(error: CombinedError | Error | null | undefined): boolean {
  return hasCode(error, 'UNAUTHENTICATED');
}

export type Notify = (title: string, description: string) => void;

/**
 * The urql `mapExchange` error hook: GraphQL errors are rendered by the page that asked, except
 * UNAUTHENTICATED, which ends the session in the browser (the app then shows the sign-in page);
 * transport failures (server unreachable, HTTP 5xx, invalid response) raise one notification,
 * at most every few seconds however many queries failed together.
 */
export function createTransportErrorHandler(notify: Notify, onUnauthenticated?: () => void, quietMs = 3000) {
  let last = 0;
  return (error: CombinedError) => {
    if (onUnauthenticated && isUnauthenticated(error)) onUnauthenticated();
    if (!error.networkError) return;
    const now = Date.now();
    if (now - last < quietMs) return;
    last = now;
    notify(t('pages.common.error.notify'), describeError(error).description);
  };
}
