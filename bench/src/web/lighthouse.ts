import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';

/**
 * Headless Chromium on a machine without internet: the background-networking flags stop it from
 * flooding refused connections to Google services while it is measured.
 */
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** What to install when no browser is found, said the same way as the test command does. */
export const CHROMIUM_HINT = 'install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH)';

/**
 * The Chromium to measure with: CHROMIUM_PATH when set, else /usr/bin/chromium or `chromium` on
 * the PATH; undefined when none can be run. chrome-launcher reports a missing browser as an
 * unhandled 'error' event that ends the process, so the harness asks first.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const runnable = (file: string) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (env.CHROMIUM_PATH) return runnable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  if (runnable('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
    return found && runnable(found) ? found : undefined;
  } catch {
    return undefined;
  }
}

export interface LighthouseOptions {
  url: string;
  /** Sent on every request (Cookie header), so the page renders signed in. */
  cookieHeader: string;
  chromePath?: string;
  /** desktop: Lighthouse's desktop config; mobile: its default (a throttled mid-range phone). */
  preset: 'desktop' | 'mobile';
  /** Where to write the final screenshot (JPEG), to see what was measured. */
  screenshotFile?: string;
  /** Where to write the full Lighthouse result (JSON; opens in the Lighthouse viewer). */
  reportFile?: string;
}

export interface LighthouseMetrics {
  fcp: number;
  lcp: number;
  tbt: number;
  /** Cumulative layout shift: a unitless score, not milliseconds. */
  cls: number;
  si: number;
  tti?: number;
}

/** A performance audit that did not pass, with what fixing it would save as Lighthouse estimates. */
export interface LighthouseFinding {
  id: string;
  title: string;
  displayValue?: string;
  savingsMs?: number;
  savingsBytes?: number;
}

export interface LighthouseReport {
  /** The performance score, 0–100. */
  score: number;
  /** Milliseconds, except cls. */
  metrics: LighthouseMetrics;
  finalUrl: string;
  /** The element Lighthouse took for the largest contentful paint (an HTML snippet). */
  lcpElement?: string;
  findings: LighthouseFinding[];
  /** The page's own marks (`performance.mark`), in ms from the navigation's start, as observed (not simulated). */
  marks: Record<string, number>;
}

/**
 * Runs Lighthouse's performance category once against `url` in a fresh headless Chromium, and
 * checks that the page measured is the signed-in page asked for, not the sign-in page it would
 * fall back to without a session.
 */
export async function runLighthouse({
  url,
  cookieHeader,
  chromePath,
  preset,
  screenshotFile,
  reportFile,
}: LighthouseOptions): Promise<LighthouseReport> {
  chromePath ??= findChromium();
  if (!chromePath) throw new Error(`Lighthouse needs Chromium, which is not on this machine: ${CHROMIUM_HINT}`);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      extraHeaders: { Cookie: cookieHeader },
    };
    const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    if (screenshotFile) await writeFinalScreenshot(lhr, screenshotFile);
    if (reportFile) await writeFile(reportFile, JSON.stringify(lhr));
    assertSignedInPage(lhr, url);

    const score = lhr.categories.performance?.score;
    if (score === null || score === undefined) {
      throw new Error(`Lighthouse gave no performance score for ${url}: ${lhr.runWarnings.join('; ') || 'no warnings'}`);
    }
    return {
      score: Math.round(score * 100),
      metrics: readMetrics(lhr),
      finalUrl: lhr.finalDisplayedUrl,
      lcpElement: findNodeSnippet(lhr.audits['largest-contentful-paint-element']?.details),
      findings: readFindings(lhr),
      marks: readMarks(lhr),
    };
  } finally {
    chrome.kill();
  }
}

/** The user timings Lighthouse saw that are marks: name → start, in ms from the navigation's start. */
function readMarks(lhr: Result): Record<string, number> {
  const details = lhr.audits['user-timings']?.details;
  const items = details && 'items' in details ? (details.items as { name?: unknown; startTime?: unknown; timingType?: unknown }[]) : [];
  const marks: Record<string, number> = {};
  for (const item of items) {
    if (item.timingType === 'Mark' && typeof item.name === 'string' && typeof item.startTime === 'number') {
      marks[item.name] = Math.round(item.startTime);
    }
  }
  return marks;
}

function numericAudit(lhr: Result, id: string): number | undefined {
  const value = lhr.audits[id]?.numericValue;
  return typeof value === 'number' ? Math.round(value * 1000) / 1000 : undefined;
}

function readMetrics(lhr: Result): LighthouseMetrics {
  const required = (id: string): number => {
    const value = numericAudit(lhr, id);
    if (value === undefined) throw new Error(`Lighthouse did not measure ${id}`);
    return value;
  };
  const tti = numericAudit(lhr, 'interactive');
  return {
    fcp: required('first-contentful-paint'),
    lcp: required('largest-contentful-paint'),
    tbt: required('total-blocking-time'),
    cls: required('cumulative-layout-shift'),
    si: required('speed-index'),
    ...(tti === undefined ? {} : { tti }),
  };
}

/**
 * Without a valid session the app redirects to /sign-in and Lighthouse would happily score that
 * page; so the final URL must be the one asked for, and an agreement page must have loaded its
 * agreement from the API.
 */
function assertSignedInPage(lhr: Result, url: string): void {
  const asked = new URL(url);
  const final = new URL(lhr.finalDisplayedUrl);
  if (final.pathname !== asked.pathname) {
    throw new Error(`Lighthouse measured ${final.pathname}${final.search}, not ${asked.pathname}: is the session cookie valid?`);
  }
  const agreementId = /^\/agreements\/([^/]+)$/.exec(asked.pathname)?.[1];
  if (!agreementId) return;
  const requests = networkRequests(lhr);
  const apiPath = `/api/agreements/${agreementId}`;
  const loaded = requests.some((r) => new URL(r.url).pathname === apiPath && r.statusCode === 200);
  if (!loaded) {
    const seen = requests.filter((r) => r.url.includes('/api/')).map((r) => `${r.statusCode} ${new URL(r.url).pathname}`);
    throw new Error(`The page never loaded ${apiPath} with 200 (API requests: ${seen.join(', ') || 'none'})`);
  }
}

function networkRequests(lhr: Result): { url: string; statusCode: number }[] {
  const details = lhr.audits['network-requests']?.details;
  if (!details || details.type !== 'table') return [];
  return details.items.flatMap((item) =>
    typeof item.url === 'string' && typeof item.statusCode === 'number' ? [{ url: item.url, statusCode: item.statusCode }] : [],
  );
}

/** The first DOM node Lighthouse names anywhere inside an audit's details. */
function findNodeSnippet(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (record.type === 'node' && typeof record.snippet === 'string') return record.snippet;
  for (const child of Object.values(record)) {
    const found = findNodeSnippet(child);
    if (found) return found;
  }
  return undefined;
}

/** Performance audits that lost points or flag savings, biggest estimated saving first. */
function readFindings(lhr: Result): LighthouseFinding[] {
  const refs = lhr.categories.performance?.auditRefs ?? [];
  const findings: LighthouseFinding[] = [];
  for (const ref of refs) {
    const audit = lhr.audits[ref.id];
    if (!audit || ref.group === 'metrics' || ref.group === 'hidden') continue;
    if (audit.score === null || audit.score >= 0.9) continue;
    const savingsMs = audit.metricSavings?.LCP ?? audit.metricSavings?.FCP ?? audit.metricSavings?.TBT;
    const savingsBytes = audit.details?.type === 'opportunity' ? audit.details.overallSavingsBytes : undefined;
    findings.push({
      id: ref.id,
      title: audit.title,
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      ...(savingsMs ? { savingsMs: Math.round(savingsMs) } : {}),
      ...(savingsBytes ? { savingsBytes: Math.round(savingsBytes) } : {}),
    });
  }
  return findings.sort((a, b) => (b.savingsMs ?? 0) - (a.savingsMs ?? 0));
}

async function writeFinalScreenshot(lhr: Result, file: string): Promise<void> {
  const details = lhr.audits['final-screenshot']?.details;
  if (details?.type !== 'screenshot') return;
  const base64 = details.data.replace(/^data:image\/\w+;base64,/, '');
  await writeFile(file, Buffer.from(base64, 'base64'));
}
