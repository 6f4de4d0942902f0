import { useMemo, type ReactNode } from 'react';
import { App } from 'antd';
import { Client, Provider, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { createTransportErrorHandler, type Notify } from './errorHandler';

/** Same origin in production (the backend serves the SPA); proxied by Vite in development. */
export const GRAPHQL_URL = '/graphql';

export function createClient(notify: Notify): Client {
  return new Client({
    url: GRAPHQL_URL,
    requestPolicy: 'cache-and-network',
    // The API accepts queries over POST only (no GET, so no query text in access logs).
    preferGetMethod: false,
    exchanges: [cacheExchange, mapExchange({ onError: createTransportErrorHandler(notify) }), fetchExchange],
  });
}

export function UrqlProvider({ children }: { children: ReactNode }) {
  const { notification } = App.useApp();
  const client = useMemo(
    () =>
      createClient((title, description) =>
        notification.error({ key: 'transport-error', title, description }),
      ),
    [notification],
  );
  return <Provider value={client}>{children}</Provider>;
}
