import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { createTransportErrorHandler, type Notify } from './errorHandler';

/** Same origin in production (the backend serves the SPA); proxied by Vite in development. */
export const GRAPHQL_URL = '/graphql';
/** The API refuses a mutation sent with the session cookie unless this header repeats `me.csrfToken`. */
export const CSRF_HEADER = 'X-CSRF-Token';

/** What the client needs from the sign-in state, outside React's render; see AuthProvider. */
export class SessionLink {
  private token: string | null = null;

  /** `ended` is told when a response says UNAUTHENTICATED: the session is over. */
  constructor(private readonly ended: () => void) {}

  /** the CSRF token of the signed-in session, or null */
  csrfToken(): string | null {
    return this.token;
  }

  setCsrfToken(token: string | null): void {
    this.token = token;
  }

  onUnauthenticated(): void {
    this.token = null;
    this.ended();
  }
}

export function createClient(notify: Notify, session?: SessionLink): Client {
  return new Client({
    url: GRAPHQL_URL,
    requestPolicy: 'cache-and-network',
    // The API accepts queries over POST only (no GET, so no query text in access logs).
    preferGetMethod: false,
    // The session cookie (HttpOnly, SameSite=Lax) goes along on its own; the CSRF token is added
    // to every request (queries ignore it, mutations need it).
    fetchOptions: (): RequestInit => {
      const token = session?.csrfToken();
      const headers: Record<string, string> = token ? { [CSRF_HEADER]: token } : {};
      return { credentials: 'same-origin', headers };
    },
    exchanges: [
      cacheExchange,
      mapExchange({
        onError: createTransportErrorHandler(notify, session ? () => session.onUnauthenticated() : undefined),
      }),
      fetchExchange,
    ],
  });
}
