import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, Tx } from '../db/client';

// better-auth opens its own transactions (an SSO sign-in links the account and opens the session in
// one) and hands its hooks only its adapter, which knows the auth tables alone. A hook that must
// change Corner's own tables in that same transaction finds it here: the database given to
// better-auth records each transaction it opens. (On PGlite a query on the plain handle would wait
// for that transaction to end, for ever.)
const current = new AsyncLocalStorage<Tx>();

export function trackAuthTransactions(db: Db): Db {
  const transaction: Db['transaction'] = (run, config) =>
    db.transaction((tx) => current.run(tx, () => run(tx)), config);
  return new Proxy(db, {
    get(target, property) {
      if (property === 'transaction') return transaction;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The transaction better-auth is running now; throws outside one, so a caller never half-writes. */
export function currentAuthTransaction(): Tx {
  const tx = current.getStore();
  if (!tx) throw new Error('expected to run inside a better-auth transaction');
  return tx;
}
