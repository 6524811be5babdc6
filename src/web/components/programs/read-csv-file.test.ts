import { describe, expect, it } from 'vitest';
import { readCsvFile } from './read-csv-file';

describe('readCsvFile', () => {
  it('returns the text of a readable file', async () => {
    await expect(readCsvFile({ name: 'members.csv', text: async () => 'email,name\n' })).resolves.toBe(
      'email,name\n',
    );
  });

  it('turns the browser’s NotReadableError on a changed file into a sentence saying what to do', async () => {
    const stale = {
      name: 'members.csv',
      text: () =>
        Promise.reject(
          new DOMException(
            'The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.',
            'NotReadableError',
          ),
        ),
    };
    await expect(readCsvFile(stale)).rejects.toThrow(
      'Could not read “members.csv”: it changed after you chose it. Choose the file again and import it.',
    );
  });
});
