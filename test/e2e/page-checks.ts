import type { Page } from 'playwright-core';

/**
 * Two checks of what a person meets besides layout and axe: no English in the Dutch interface
 * (issue 15 point 6: zod's "Too small: expected string to have >=3 characters" reached the
 * provider import), and no errors in the browser's console (point 11: a visitor without a
 * session logged a 401 on every page).
 */

/** English words that no Dutch text of ours uses; each is checked as a whole word, any case. */
export const ENGLISH_ONLY_WORDS = [
  'the',
  'and',
  'with',
  'your',
  'you',
  'please',
  'must',
  'should',
  'missing',
  'invalid',
  'expected',
  'received',
  'characters',
  'required',
  'loading',
  'failed',
  'error',
  'unknown',
  'cannot',
  'which',
  'there',
  'this',
  'these',
  'from',
  'would',
  'could',
  'retry',
  'submit',
  'cancel',
  'save',
  'delete',
] as const;

/** Phrases of zod's English messages and of the API's own, as they read when shown raw. */
export const ENGLISH_MESSAGE_PHRASES = [
  /Too (small|big): expected/i,
  /Invalid (input|URL|email|option|ISO|string|number)/i,
  /is missing from the header/i,
  /is not one of/i,
  /\bnot found\b/i,
  /\bproblem\(s\)/i,
] as const;

const englishWord = new RegExp(`\\b(${ENGLISH_ONLY_WORDS.join('|')})\\b`, 'i');

/**
 * The English on the page while its interface is Dutch, as "where: text" lines: visible text and
 * the texts a screen reader or a hover reads (aria-label, title, alt, placeholder). Text marked
 * `lang="en"` (an English training's title) is exempt from the word list, never from the phrases.
 */
export async function englishInDutch(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    if (document.documentElement.lang !== 'nl') throw new Error(`the interface is not Dutch but ${document.documentElement.lang}`);
    const found: Array<{ where: string; text: string; english: boolean }> = [];
    const isEnglish = (element: Element | null) => element?.closest('[lang]')?.getAttribute('lang')?.startsWith('en') ?? false;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text || parent.closest('script, style, noscript, [hidden], [aria-hidden="true"]')) continue;
      if (parent.getClientRects().length === 0 && !parent.closest('.visually-hidden')) continue;
      found.push({ where: parent.tagName.toLowerCase(), text, english: isEnglish(parent) });
    }
    for (const attribute of ['aria-label', 'title', 'alt', 'placeholder']) {
      for (const element of document.querySelectorAll(`[${attribute}]`)) {
        const text = element.getAttribute(attribute)?.trim();
        if (text) found.push({ where: `${element.tagName.toLowerCase()}[${attribute}]`, text, english: isEnglish(element) });
      }
    }
    found.push({ where: 'title', text: document.title, english: false });
    return found;
  });
  return texts
    .filter(({ text, english }) => ENGLISH_MESSAGE_PHRASES.some((phrase) => phrase.test(text)) || (!english && englishWord.test(text)))
    .map(({ where, text }) => `${where}: ${text}`);
}

const logs = new WeakMap<Page, string[]>();

/**
 * Starts recording what the console reports as an error, uncaught exceptions and requests that
 * failed or answered 4xx/5xx. The world does this for every page it opens.
 */
export function recordConsole(page: Page): void {
  const log: string[] = [];
  logs.set(page, log);
  page.on('console', (message) => {
    if (message.type() === 'error') log.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => log.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => {
    // a navigation away cancels what the old page still fetched: not a failure of the app
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') log.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) log.push(`answer ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
}

/**
 * The console errors and failed requests of the page so far, less the deliberate ones (a bad file
 * the test uploads answers 422, which the browser logs). `allowed` matches a whole log line.
 */
export function consoleProblems(page: Page, allowed: readonly RegExp[] = []): string[] {
  const log = logs.get(page);
  if (!log) throw new Error('this page was not opened by a browser world, so nothing recorded its console');
  // the browser's own line for an answer ≥ 400 repeats the answer's line; both go when it is allowed
  const deliberate = log.filter((line) => line.startsWith('answer ') && allowed.some((pattern) => pattern.test(line)));
  const statuses = new Set(deliberate.map((line) => line.split(':')[0].slice('answer '.length)));
  return log.filter(
    (line) =>
      !deliberate.includes(line) &&
      !allowed.some((pattern) => pattern.test(line)) &&
      !(line.startsWith('console: Failed to load resource') && [...statuses].some((status) => line.includes(`status of ${status}`))),
  );
}
