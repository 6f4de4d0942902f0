import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App } from 'antd';
import { Provider, type CombinedError } from 'urql';
import getAccess, { type Access, type CurrentUser } from '../access';
import { isUnauthenticated } from './errorHandler';
import { MeQuery, SessionEndMutation } from './queries';
import { SessionLink, createClient } from './UrqlProvider';

interface AuthState {
  /** loading: asking the API who is signed in; error: could not ask */
  status: 'loading' | 'ready' | 'error';
  me: CurrentUser | null;
  /** why nobody is signed in: the API ended the session (UNAUTHENTICATED), or the user signed out */
  ended: 'expired' | 'signedOut' | null;
  error: CombinedError | null;
  /** bumped on sign-in and sign-out: a fresh urql client, so no cached data outlives its session */
  epoch: number;
}

export interface AuthContextValue {
  status: AuthState['status'];
  me: CurrentUser | null;
  access: Access;
  ended: AuthState['ended'];
  error: CombinedError | null;
  /** ask the API again who is signed in (after a failed first attempt) */
  retry: () => void;
  /** the sign-in page has signed this user in */
  signedIn: (me: CurrentUser) => void;
  /** end the session on the server and in the browser */
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/**
 * Who is signed in, and the urql client that sends their requests: `me` is asked once at start,
 * its CSRF token goes with every request, and any UNAUTHENTICATED answer signs the user out here
 * (the routes then show the sign-in page).
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const { notification } = App.useApp();
  const [state, setState] = useState<AuthState>({
    status: 'loading',
    me: null,
    ended: null,
    error: null,
    epoch: 0,
  });
  // Holds the CSRF token for the client; an UNAUTHENTICATED answer signs the user out here.
  const [session] = useState(
    () =>
      new SessionLink(() =>
        setState((s) => (s.me ? { ...s, me: null, ended: 'expired', epoch: s.epoch + 1 } : s)),
      ),
  );
  const { epoch } = state;
  const client = useMemo(() => {
    void epoch; // the point of the dependency: a new client, with an empty cache, for every session
    return createClient(
      (title, description) => notification.error({ key: 'transport-error', title, description }),
      session,
    );
  }, [notification, session, epoch]);

  useEffect(() => {
    if (state.status !== 'loading') return;
    let cancelled = false;
    client
      .query(MeQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (cancelled) return;
        if (result.error && !result.data) {
          setState((s) => ({ ...s, status: 'error', error: result.error ?? null }));
          return;
        }
        const me = result.data?.me ?? null;
        session.setCsrfToken(me?.csrfToken ?? null);
        setState((s) => ({ ...s, status: 'ready', me, error: null }));
      });
    return () => {
      cancelled = true;
    };
  }, [client, session, state.status]);

  const retry = useCallback(() => setState((s) => ({ ...s, status: 'loading', error: null })), []);

  const signedIn = useCallback(
    (me: CurrentUser) => {
      session.setCsrfToken(me.csrfToken);
      setState((s) => ({ status: 'ready', me, ended: null, error: null, epoch: s.epoch + 1 }));
    },
    [session],
  );

  const signOut = useCallback(async () => {
    const result = await client.mutation(SessionEndMutation, {}).toPromise();
    // A session the server already ended is as good as ended; any other failure keeps us signed in.
    if (result.error && !isUnauthenticated(result.error)) throw result.error;
    session.setCsrfToken(null);
    setState((s) => ({ status: 'ready', me: null, ended: 'signedOut', error: null, epoch: s.epoch + 1 }));
  }, [client, session]);

  const value = useMemo<AuthContextValue>(
    () => ({
      status: state.status,
      me: state.me,
      access: getAccess(state.me),
      ended: state.ended,
      error: state.error,
      retry,
      signedIn,
      signOut,
    }),
    [state.status, state.me, state.ended, state.error, retry, signedIn, signOut],
  );

  return (
    <Provider value={client}>
      <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
    </Provider>
  );
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() outside <AuthProvider>');
  return value;
}

/** The access flags (access.ts) of the signed-in user. */
export function useAccess(): Access {
  return useAuth().access;
}
