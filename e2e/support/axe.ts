import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

export type A11yViolation = {
  id: string;
  impact: ImpactValue | null;
  help: string;
  helpUrl: string;
  targets: string[];
};

const BLOCKING_IMPACTS: ReadonlySet<ImpactValue> = new Set<ImpactValue>(['serious', 'critical']);
const TARGETS_SHOWN = 3;

let axeSource: string | undefined;

// Read once per worker: axe.min.js is ~500 kB and every page of every journey injects it.
function loadAxeSource(): string {
  if (axeSource === undefined) {
    const require = createRequire(import.meta.url);
    axeSource = readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  }
  return axeSource;
}

type AxeWindow = { axe?: { run: (context: Document, options: object) => Promise<AxeResults> } };

async function injectAxe(page: Page): Promise<void> {
  const source = loadAxeSource();
  const present = () => page.evaluate(() => typeof (window as unknown as AxeWindow).axe !== 'undefined');
  if (await present()) return;
  // Evaluating through the DevTools protocol first, not page.addScriptTag: a page with a strict
  // Content-Security-Policy (as ours should have) blocks an inline <script> and logs a console error
  // that a journey checking for console errors would then blame on the app.
  try {
    await page.evaluate(source);
  } catch {
    await page.addScriptTag({ content: source });
  }
  if (!(await present())) throw new Error('axe-core could not be injected into the page');
}

function summarise(results: AxeResults): A11yViolation[] {
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    helpUrl: violation.helpUrl,
    targets: violation.nodes.map((node) => node.target.map((part) => String(part)).join(' ')),
  }));
}

function describeViolation(violation: A11yViolation): string {
  const shown = violation.targets.slice(0, TARGETS_SHOWN).join(', ');
  const more =
    violation.targets.length > TARGETS_SHOWN ? ` (+${violation.targets.length - TARGETS_SHOWN} more)` : '';
  return `- ${violation.id} [${violation.impact}]: ${violation.help} -> ${shown}${more}\n  ${violation.helpUrl}`;
}

/**
 * Runs axe-core on the page as it is now and throws when any violation is serious or critical, naming the
 * rule, its impact, what to fix and where. Minor and moderate findings are returned, not thrown, so a
 * journey can log them without failing on matters of taste.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<A11yViolation[]> {
  await injectAxe(page);
  const results = await page.evaluate(async () => {
    const { axe } = window as unknown as AxeWindow;
    if (!axe) throw new Error('axe-core is not on the page');
    return axe.run(document, { resultTypes: ['violations'] });
  });
  const violations = summarise(results);
  const blocking = violations.filter(
    (violation) => violation.impact !== null && BLOCKING_IMPACTS.has(violation.impact),
  );
  if (blocking.length > 0) {
    throw new Error(
      `${label}: ${blocking.length} serious or critical accessibility violation(s) on ${page.url()}\n` +
        blocking.map(describeViolation).join('\n'),
    );
  }
  return violations;
}
