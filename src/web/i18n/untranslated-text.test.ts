import fs from 'node:fs';
import path from 'node:path';
import { type NodePath, parseSync, traverse, type types } from '@babel/core';
import { describe, expect, it } from 'vitest';

// Every word a person reads goes through Lingui. This walks each .tsx file of the web app and names JSX
// text outside <Trans>, and string literals in the props people read or hear, that would stay English.
const webRoot = path.resolve(import.meta.dirname, '..');

// Names and codes that read the same in every language.
const allowedText = new Set(['Corner', 'English', 'Deutsch', 'JSON', 'Markdown', 'CSV', 'MCP', 'PDF', 'ICS']);

// Files not converted yet: this list shrinks to nothing, and a converted file must leave it.
const notYetConverted = new Set<string>([]);

const textProps = new Set(['aria-label', 'title', 'placeholder', 'label', 'description', 'alt']);
const hasLetters = (text: string) => /\p{L}/u.test(text);

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [full] : [];
  });
}

function insideTrans(p: NodePath): boolean {
  return !!p.findParent((parent) => {
    if (!parent.isJSXElement()) return false;
    const name = parent.node.openingElement.name;
    return name.type === 'JSXIdentifier' && (name.name === 'Trans' || name.name === 'Plural');
  });
}

function untranslatedIn(code: string, filename: string): string[] {
  const ast = parseSync(code, {
    filename,
    babelrc: false,
    configFile: false,
    parserOpts: { plugins: ['typescript', 'jsx'] },
  });
  if (!ast) throw new Error(`cannot parse ${filename}`);
  const found: string[] = [];
  const where = (node: types.Node) => `${path.relative(webRoot, filename)}:${node.loc?.start.line}`;
  traverse(ast, {
    JSXText(p) {
      const text = p.node.value.trim();
      if (hasLetters(text) && !allowedText.has(text) && !insideTrans(p))
        found.push(`${where(p.node)} text "${text}"`);
    },
    JSXAttribute(p) {
      const { name, value } = p.node;
      if (name.type !== 'JSXIdentifier' || !textProps.has(name.name)) return;
      const literal =
        value?.type === 'StringLiteral'
          ? value.value
          : value?.type === 'JSXExpressionContainer' && value.expression.type === 'StringLiteral'
            ? value.expression.value
            : null;
      if (literal && hasLetters(literal) && !allowedText.has(literal))
        found.push(`${where(p.node)} ${name.name}="${literal}"`);
    },
    // The global `t` reads the locale when it runs: at a module's top level that is once, in English.
    TaggedTemplateExpression(p) {
      const tag = p.node.tag;
      if (tag.type === 'Identifier' && tag.name === 't' && !p.getFunctionParent())
        found.push(`${where(p.node)} t\`…\` outside a function (use msg and i18n._ instead)`);
    },
  });
  return found;
}

describe('UI text goes through Lingui', () => {
  it('finds a plain string, a literal aria-label and a top-level t in a sample (the check can fail)', () => {
    const sample = [
      "import { t } from '@lingui/core/macro';",
      'const early = t`Too early`;',
      'export function Page() {',
      '  return <div><Title>Plain words</Title><Trans>Wrapped words</Trans><Logo>Corner</Logo>',
      '  <Button aria-label="Close dialog" title={t`Fine`} /></div>;',
      '}',
    ].join('\n');
    const found = untranslatedIn(sample, path.join(webRoot, 'sample.tsx'));
    expect(found).toEqual([
      'sample.tsx:2 t`…` outside a function (use msg and i18n._ instead)',
      'sample.tsx:4 text "Plain words"',
      'sample.tsx:5 aria-label="Close dialog"',
    ]);
  });

  // Parsing ~90 files with Babel takes seconds on a busy machine: once for both checks below.
  const findings = new Map(
    tsxFiles(webRoot).map((file) => [
      path.relative(webRoot, file),
      untranslatedIn(fs.readFileSync(file, 'utf8'), file),
    ]),
  );

  it('has no untranslated JSX text or text props in src/web', () => {
    const found = [...findings].filter(([file]) => !notYetConverted.has(file)).flatMap(([, list]) => list);
    expect(found).toEqual([]);
  });

  it('lists only files that still exist and still need converting', () => {
    const stale = [...notYetConverted].filter((file) => (findings.get(file) ?? []).length === 0);
    expect(stale).toEqual([]);
  });
});
