import { plural, t } from '@lingui/core/macro';
// Sentences around publishing a matching, kept apart from the page so they can be tested.

/** Each pair is two people, and publishing mails both. */
export function publishConfirmation(pairs: number): { title: string; body: string; confirm: string } {
  const people = pairs * 2;
  return {
    title: plural(pairs, { one: 'Publish # pair?', other: 'Publish # pairs?' }),
    body: plural(people, {
      one: '# person gets an e-mail proposing their match. Each pair starts only once both people accept. This cannot be undone.',
      other:
        '# people get an e-mail proposing their match. Each pair starts only once both people accept. This cannot be undone.',
    }),
    confirm: plural(people, { one: 'Publish and mail # person', other: 'Publish and mail # people' }),
  };
}

/** The pair-health card before any pair has health to show. */
export function emptyPairHealth(published: boolean): string {
  return published
    ? t`The matching is published. Pairs appear here once both people have signed up and their relationship has started.`
    : t`Publish a matching and the pairs’ health shows up here.`;
}
