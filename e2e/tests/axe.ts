import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 levels A and AA: what the public-sector accessibility rules ask for. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * WCAG 2.5.3 (Label in Name, level A): a visible label must be part of the accessible name, or
 * a voice user saying what they see reaches nothing. axe ships this rule as experimental, off
 * unless asked for.
 */
const EXTRA_RULES = { 'label-content-name-mismatch': { enabled: true } };

const BLOCKING = new Set(['serious', 'critical']);

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** One line per rule, then one line per element, so a developer can go straight to the node. */
export function describeFindings(findings: readonly AxeFinding[]): string {
  return findings
    .map((f) => [`${f.rule} (${f.impact}): ${f.help} — ${f.targets.length} node(s)`, ...f.targets.map((t) => `    ${t}`)].join('\n'))
    .join('\n');
}

/** For a contrast failure, the colours axe measured: the developer sees which theme colour to change. */
function contrastOf(checks: readonly { id: string; data: unknown }[]): string {
  const data = checks.find((c) => c.id === 'color-contrast')?.data as
    { fgColor?: string; bgColor?: string; contrastRatio?: number; expectedContrastRatio?: string } | undefined;
  if (!data?.fgColor) return '';
  return `  [${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}, needs ${data.expectedContrastRatio}]`;
}

/** Waits until CSS transitions (a drawer sliding in, a modal fading in) are over: half-faded text fails contrast. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/**
 * Runs axe on the page as it stands (or only on the elements `within` selects) and fails on any
 * serious or critical WCAG 2.1 AA violation, naming the rule, its impact and the selector of
 * every offending element.
 */
export async function expectNoSeriousViolations(page: Page, screen: string, within?: string): Promise<void> {
  await settle(page);
  // options() replaces every option set before it, withTags() included: it goes first.
  let axe = new AxeBuilder({ page }).options({ rules: EXTRA_RULES }).withTags(WCAG_TAGS);
  if (within) axe = axe.include(within);
  const results = await axe.analyze();
  const findings: AxeFinding[] = results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.map(String).join(' ')}${contrastOf(n.any)}`),
    }));
  expect(findings.length, `${screen}: axe found serious or critical WCAG 2.1 AA violations\n${describeFindings(findings)}`).toBe(0);
}
