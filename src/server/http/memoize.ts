/**
 * Remembers the answers of a pure function of one string key, so a read that presents the same
 * stored text on every request (a goal's checker verdict, a feedback question's check) does the
 * date parsing and wording rules once per text instead of once per request. Bounded: past `max`
 * keys the oldest is forgotten. Only for deterministic functions whose answers nobody mutates.
 */
export function memoize<T>(fn: (key: string) => T, max = 5_000): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined) return known;
    const answer = fn(key);
    if (answers.size >= max) {
      const oldest = answers.keys().next().value;
      if (oldest !== undefined) answers.delete(oldest);
    }
    answers.set(key, answer);
    return answer;
  };
}
