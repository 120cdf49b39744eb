import { createClient as createWsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';

export const GRAPHQL_PATH = '/graphql';

/**
 * The one GraphQL client of the app: queries and mutations over HTTP, subscriptions over
 * graphql-ws on the same path. Every request carries the signed-in person's access token,
 * read at send time so a silently renewed token is used at once. Subscriptions authenticate
 * in the connection's first message (the api's subscription server reads
 * connectionParams.authorization).
 */
export function createGraphqlClient(accessToken: () => string | undefined): Client {
  const authorization = () => {
    const token = accessToken();
    return token ? `Bearer ${token}` : undefined;
  };
  const ws = createWsClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_PATH}`,
    connectionParams: () => ({ authorization: authorization() }),
    lazy: true,
    retryAttempts: Infinity,
  });
  return new Client({
    url: GRAPHQL_PATH,
    // Read-your-writes: a mutation's payload is the projected record, and the document cache
    // refetches queries of the types a mutation returns.
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return { subscribe: (sink) => ({ unsubscribe: ws.subscribe(input, sink) }) };
        },
      }),
    ],
    fetchOptions: (): RequestInit => {
      const value = authorization();
      const headers: Record<string, string> = value ? { authorization: value } : {};
      return { headers };
    },
    requestPolicy: 'cache-and-network',
    // POST always: urql would send short queries as GET, which Apollo's CSRF prevention refuses
    // without a preflight header, and the access token belongs in a header, not a URL.
    preferGetMethod: false,
  });
}
