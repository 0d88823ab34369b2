import { InvalidInputError, UnknownMethodError } from '@cch-lab/core';
import type { TableSpec } from '../contract.js';
import { resultsFixture } from '../testing-fixtures/results-fixture.js';
import { renderTable } from './render-table.js';

function fixtureTable(): TableSpec {
  return resultsFixture().tables[0];
}

/** The text of every element matching `tag`, in document order. */
function cellsOf(html: string, tag: 'th' | 'td'): string[] {
  return [...html.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>(.*?)</${tag}>`, 'g'))].map((m) => m[1]);
}

describe('report/render-table', () => {
  it('renders the declared columns in declared order, whatever the row key order', () => {
    const html = renderTable(fixtureTable());
    expect(html.startsWith('<table')).toBe(true);
    expect(cellsOf(html, 'th')).toEqual(['Setting', 'n', 'Agreement', 'I(H_t; H_s) [nats]', 'Gain']);
  });

  it('formats each column per its spec and prints NaN and null as a dash', () => {
    const tds = cellsOf(renderTable(fixtureTable()), 'td');
    expect(tds).toEqual([
      '&lt;b&gt;a&lt;/b&gt;', '12', '83.3%', '1.23', '0.0123',
      'b &amp; c', '3', '100.0%', '—', '—',
    ]);
  });

  it('escapes the title and caption and prints the data source', () => {
    const html = renderTable(fixtureTable());
    expect(html).toContain('Agreement &lt;by&gt; margin');
    expect(html).toContain('criterion &amp; the outcome');
    expect(html).not.toContain('<b>a</b>');
    expect(html).toMatch(/data: <span class="badge source-simulated"[^>]*>simulated<\/span>/);
  });

  it('styles each source differently', () => {
    const html = renderTable({ ...fixtureTable(), sources: ['real', 'embedded', 'simulated'] });
    const styles = [...html.matchAll(/class="badge source-(\w+)" style="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    expect(styles.map((s) => s[0])).toEqual(['real', 'embedded', 'simulated']);
    expect(new Set(styles.map((s) => s[1])).size).toBe(3);
    expect(styles[2][1]).toContain('dashed');
  });

  it('keeps columns that only some rows have, with a dash where absent', () => {
    const table: TableSpec = {
      id: 't', title: 'T', sources: ['real'],
      columns: [{ key: 'a', label: 'A', format: 'integer' }, { key: 'b', label: 'B', format: 'integer' }],
      rows: [{ a: 1 }, { a: 2, b: 5 }],
    };
    expect(cellsOf(renderTable(table), 'td')).toEqual(['1', '—', '2', '5']);
  });

  it('renders an empty table with its header and a "no rows" line', () => {
    const html = renderTable({ ...fixtureTable(), rows: [] });
    expect(cellsOf(html, 'th')).toHaveLength(5);
    expect(html).toContain('no rows');
  });

  it('names the table and the column when a declared column is in no row', () => {
    const table = { ...fixtureTable(), columns: [{ key: 'nope', label: 'Nope' }] };
    expect(() => renderTable(table)).toThrow(InvalidInputError);
    expect(() => renderTable(table)).toThrow(/tables\.table-1\.columns.*'nope' appear in no row/);
  });

  it('rejects an unknown format', () => {
    const table = { ...fixtureTable(), columns: [{ key: 'n', label: 'n', format: 'money' as 'text' }] };
    expect(() => renderTable(table)).toThrow(UnknownMethodError);
  });
});
