/**
 * The pack's CSS `@page` rule: paper size and orientation, margins, and page margin boxes with
 * the running header (portfolio, period, generation date) and the page number. Chromium prints
 * margin boxes in `window.print()`, `page.pdf()` and Electron's `printToPDF` alike, so one rule
 * serves every way of printing.
 */
import type { PaperSize } from '@shared/ipc/contract';
import type { Orientation } from './reportChoices';

/** Page margins in millimetres: top and bottom leave room for the header and the page number. */
export const pageMarginsMm = { top: 16, side: 12, bottom: 14 } as const;

/** Quotes `text` as a CSS string; `<` is escaped too, so the rule cannot close the `<style>` element it sits in. */
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"<\n\r]/g, (character) => `\\${character.charCodeAt(0).toString(16).toUpperCase()} `);
  return `"${escaped}"`;
}

/**
 * Turns a translated page label such as `Page {{page}} of {{pages}}` into a CSS `content` value
 * with the page counters in place of the placeholders.
 */
export function pageCounterContent(template: string): string {
  const parts = template.split(/(\{\{page\}\}|\{\{pages\}\})/);
  return parts
    .filter((part) => part !== '')
    .map((part) => {
      if (part === '{{page}}') return 'counter(page)';
      if (part === '{{pages}}') return 'counter(pages)';
      return cssString(part);
    })
    .join(' ');
}

export interface PageRuleText {
  /** Left header, for example the portfolio and the period. */
  readonly header: string;
  /** Right header, for example the generation date. */
  readonly generated: string;
  /** Page label with `{{page}}` and `{{pages}}`. */
  readonly pageOf: string;
}

export function buildPageRule(paper: PaperSize, orientation: Orientation, text: PageRuleText): string {
  const box = "font-family: 'Noto Sans SC', sans-serif; font-size: 8pt; color: #5a6478;";
  return [
    `@page {`,
    `  size: ${paper} ${orientation};`,
    `  margin: ${String(pageMarginsMm.top)}mm ${String(pageMarginsMm.side)}mm ${String(pageMarginsMm.bottom)}mm;`,
    `  @top-left { content: ${cssString(text.header)}; ${box} }`,
    `  @top-right { content: ${cssString(text.generated)}; ${box} }`,
    `  @bottom-right { content: ${pageCounterContent(text.pageOf)}; ${box} }`,
    `}`,
  ].join('\n');
}
