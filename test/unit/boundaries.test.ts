import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// STYLE.md's layering, checked by reading the imports: domain/ is pure (no I/O, nothing from the app
// around it), and the web app reaches the server only through types in its API client.
const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

type Import = { file: string; specifier: string; typeOnly: boolean };

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((match) => ({
    file,
    specifier: match[3] ?? '',
    typeOnly: Boolean(match[2]),
  }));
}

function resolvesInto(imp: Import, folder: string): boolean {
  if (!imp.specifier.startsWith('.')) return false;
  const target = path.resolve(root, path.dirname(imp.file), imp.specifier);
  return target.startsWith(path.join(root, folder) + path.sep);
}

const ioModules = /^(node:)?(fs|fs\/promises|net|http|https|child_process|worker_threads|dgram|os)$/;
const ioPackages = ['pg', '@electric-sql/pglite', 'drizzle-orm', 'hono', 'nodemailer', 'better-auth'];

describe('layer boundaries', () => {
  it('keeps src/domain free of I/O and of the app around it', () => {
    const offending = sourceFiles('src/domain')
      .filter((file) => !file.endsWith('.test.ts'))
      .flatMap(importsOf)
      .filter(
        (imp) =>
          ['src/server', 'src/web', 'src/cli'].some((folder) => resolvesInto(imp, folder)) ||
          ioModules.test(imp.specifier) ||
          ioPackages.some((name) => imp.specifier === name || imp.specifier.startsWith(`${name}/`)),
      )
      .map((imp) => `${imp.file} imports ${imp.specifier}`);
    expect(offending).toEqual([]);
  });

  it('lets the web app import only domain/, its own files and type-only API shapes from the server', () => {
    const offending = sourceFiles('src/web')
      .flatMap(importsOf)
      .filter((imp) => imp.specifier.startsWith('.'))
      .filter((imp) => !resolvesInto(imp, 'src/web') && !resolvesInto(imp, 'src/domain'))
      .filter((imp) => !(imp.typeOnly && imp.file.startsWith(path.join('src', 'web', 'api'))))
      .map((imp) => `${imp.file} imports ${imp.specifier}`);
    expect(offending).toEqual([]);
  });

  it('finds the imports it checks (the checker itself works)', () => {
    const sample = importsOf(path.join('src', 'web', 'api', 'client.ts'));
    expect(sample.some((imp) => imp.typeOnly && imp.specifier.includes('server/app'))).toBe(true);
  });
});
