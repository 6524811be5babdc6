import { AsyncLocalStorage } from 'node:async_hooks';
import { isAPIError } from 'better-auth/api';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { databaseUnavailableResponse } from '../http/errors';

// better-auth catches every error inside its handler and answers a bare 500, so a sign-in while
// PostgreSQL restarts would look like a bug. Its onAPIError hook sees the error but cannot change the
// answer; it marks the request (through async-local storage) and the wrapped handler turns that 500 into
// the same 503 problem with Retry-After the rest of the API gives.
const currentRequest = new AsyncLocalStorage<{ databaseUnavailable: boolean }>();

export const authErrorHook = {
  onError: (error: unknown) => {
    if (isDatabaseUnavailable(error)) {
      const state = currentRequest.getStore();
      if (state) state.databaseUnavailable = true;
      console.error('auth: the database is unavailable');
      return;
    }
    // What better-auth logs by default when no hook is given: unexpected errors, not refusals.
    if (!isAPIError(error) || error.status === 'INTERNAL_SERVER_ERROR') console.error('auth:', error);
  },
};

export function answerDatabaseFaults(
  handler: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const state = { databaseUnavailable: false };
    try {
      const response = await currentRequest.run(state, () => handler(request));
      return state.databaseUnavailable && response.status >= 500 ? databaseUnavailableResponse() : response;
    } catch (error) {
      if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
      throw error;
    }
  };
}
