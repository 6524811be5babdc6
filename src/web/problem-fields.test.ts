import { describe, expect, it } from 'vitest';
import { ApiProblem } from './api/client';
import { namesNoneOf, problemFields } from './problem-fields';

const problem = (extra: Partial<ApiProblem['problem']>) =>
  new ApiProblem({ code: 'invalid-input', detail: 'password: wrong', status: 422, ...extra });

describe('problemFields', () => {
  it('maps a validation 422 by field, the first message of each field winning', () => {
    const error = problem({
      field: 'url',
      errors: [
        { field: 'url', message: 'must be the calendar server’s address' },
        { field: 'url', message: 'second' },
        { field: 'username', message: 'must be your user name' },
      ],
    });
    expect(problemFields(error)).toEqual({
      url: 'must be the calendar server’s address',
      username: 'must be your user name',
    });
  });

  it('uses the sentence of an operation’s 422 for its one field', () => {
    expect(problemFields(problem({ field: 'password', detail: 'The password was refused.' }))).toEqual({
      password: 'The password was refused.',
    });
  });

  it('knows when a form has no input for the field named', () => {
    const error = problem({ field: 'dateOverrides.0.date', detail: 'Use a date like 2026-12-24' });
    expect(namesNoneOf(error, ['dateOverrides'])).toBe(false);
    expect(namesNoneOf(error, ['url'])).toBe(true);
    expect(namesNoneOf(new Error('offline'), ['url'])).toBe(true);
    expect(namesNoneOf(null, ['url'])).toBe(false);
  });
});
