import type { ReactNode } from 'react';
import { Flex } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import type { AccessKey } from '../access';
import { useAuth } from '../providers/AuthProvider';
import { LOGIN_PATH, loginPath } from '../utils/redirect';
import Forbidden from './Forbidden';
import PageLoading from './PageLoading';
import QueryError from './QueryError';

/** Asking the API who is signed in, or failing to. */
export function AuthPending() {
  const { status, error, retry } = useAuth();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 24 }}>
      <div style={{ width: 'min(560px, 100%)' }}>
        {status === 'error' && error ? (
          <QueryError error={error} onRetry={retry} />
        ) : (
          <PageLoading rows={4} />
        )}
      </div>
    </Flex>
  );
}

/**
 * Signed-in users only; everyone else goes to the sign-in page, and returns here after signing
 * in (but not after signing out on purpose: the next user may not be allowed here).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, me, ended } = useAuth();
  const location = useLocation();
  if (status !== 'ready') return <AuthPending />;
  if (!me) return <Navigate to={ended === 'signedOut' ? LOGIN_PATH : loginPath(location)} replace />;
  return children;
}

/** A page the menu hides from the user's roles: reached by its URL, it shows 403. */
export function RequireAccess({ access, children }: { access: AccessKey; children: ReactNode }) {
  const { access: flags } = useAuth();
  return flags[access] ? children : <Forbidden />;
}
