import { getCatalogs } from '@lingui/cli/api';
import { getConfig } from '@lingui/conf';
import { describe, expect, it } from 'vitest';

// The catalogs are the contract between the code and the translators: every message the code uses is
// extracted, and every English message has a German one that keeps its placeholders.
const config = getConfig({ cwd: process.cwd() });

async function catalog() {
  const [found] = await getCatalogs(config);
  if (!found) throw new Error('lingui.config.ts names no catalog');
  return found;
}

// `{name}` or `{count, plural, …}`: the names a message fills in, not the words of a plural branch. A
// branch is its keyword and braces (`one {invitation}`); taking the keyword away keeps a one-word branch
// from reading as a placeholder.
const pluralBranch = /\b(?:zero|one|two|few|many|other|=\d+)\s*\{/g;
const placeholders = (message: string) =>
  [...message.replace(pluralBranch, '(').matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('read the placeholders of a message, not the words of its plural branches', () => {
    expect(placeholders('{waiting, plural, one {invitation} other {invitations}}')).toEqual(['waiting']);
    expect(placeholders('{a} of {n, plural, one {# guide} other {# guides}} for {name}')).toEqual([
      'a',
      'n',
      'name',
    ]);
    expect(placeholders('Hello {name}')).not.toEqual(placeholders('Hallo {nam}'));
  });

  it('hold every message the web app uses (run `npm run i18n:extract` after adding one)', async () => {
    const messages = await catalog();
    const source = (await messages.collect()) ?? {};
    const english = await messages.read('en');
    const notExtracted = Object.entries(source)
      .filter(([id]) => !english[id])
      .map(([, m]) => `${m.message} (${(m.origin ?? []).map((o) => o[0]).join(', ')})`);
    expect(notExtracted).toEqual([]);
  }, 60_000);

  it('have a German translation for every English message, with the same placeholders', async () => {
    const messages = await catalog();
    const english = await messages.read('en');
    const german = await messages.read('de');
    const missing: string[] = [];
    const placeholderMismatch: string[] = [];
    for (const [id, entry] of Object.entries(english)) {
      if (entry.obsolete) continue;
      const source = entry.message ?? entry.translation ?? id;
      const translation = german[id]?.translation;
      if (!translation) missing.push(source);
      else if (placeholders(translation).join() !== placeholders(source).join())
        placeholderMismatch.push(source);
    }
    expect(Object.keys(english).length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(placeholderMismatch).toEqual([]);
  });
});
