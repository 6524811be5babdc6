import { describe, expect, it } from 'vitest';
import { splitLinks } from './split-links';

describe('splitLinks', () => {
  it.each([
    ['no address here', [{ kind: 'text', text: 'no address here' }]],
    [
      'Open https://corner.test/invitations/abc.',
      [
        { kind: 'text', text: 'Open ' },
        { kind: 'link', href: 'https://corner.test/invitations/abc' },
        { kind: 'text', text: '.' },
      ],
    ],
    [
      '(see http://a.test/x?y=1&z=2)',
      [
        { kind: 'text', text: '(see ' },
        { kind: 'link', href: 'http://a.test/x?y=1&z=2' },
        { kind: 'text', text: ')' },
      ],
    ],
    ['javascript:alert(1) stays text', [{ kind: 'text', text: 'javascript:alert(1) stays text' }]],
  ])('%s', (text, pieces) => {
    expect(splitLinks(text)).toEqual(pieces);
  });
});
