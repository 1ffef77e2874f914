import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriesTable } from './chartTable';

// The i18n module sets the page's language when it loads; a bare stand-in for the page will do here.
let LazyChart: typeof import('./LazyChart').LazyChart;
beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  ({ LazyChart } = await import('./LazyChart'));
});

describe('LazyChart', () => {
  it('renders the labelled drawing area, a loading note, and the numbers as a table behind "show as table"', () => {
    const table = seriesTable({
      caption: 'Score per area',
      rowHeader: 'Area',
      categories: ['1. Information', '2. Communication'],
      series: [{ label: 'Now', values: [10, null] }],
      format: String,
      missing: 'hidden',
    });
    const html = renderToStaticMarkup(
      createElement(LazyChart, { kind: 'bar', option: () => ({}), label: 'Bars per area', table, testId: 'some-chart', className: 'area-chart', canvasClassName: 'area-chart-canvas' }),
    );
    expect(html).toContain('<div class="area-chart-canvas" role="img" aria-label="Bars per area" data-testid="some-chart"></div>');
    expect(html).toContain('role="status"');
    expect(html).toContain('<details class="chart-table" data-testid="some-chart-table"><summary>Toon als tabel</summary>');
    expect(html).toContain('<caption>Score per area</caption>');
    expect(html).toContain('<th scope="col">Area</th><th scope="col" class="numeric">Now</th>');
    expect(html).toContain('<tr><th scope="row">1. Information</th><td class="numeric">10</td></tr>');
    expect(html).toContain('<tr><th scope="row">2. Communication</th><td class="numeric">hidden</td></tr>');
  });
});
