/**
 * The index's view across experiments: the CCH's agreement per experiment side by side, the
 * agreement pooled over the real-data experiments (simulated and embedded ones pooled apart and
 * labelled as such), and "where it fails" — sentences naming the regimes with the lowest
 * agreement, generated from each scorecard.
 */
import type { DataSource, FigureSpec } from '../contract.js';
import { agreementPhrase } from '../format/agreement-phrase.js';
import { escapeHtml } from '../format/escape-html.js';
import { sourceBadges } from '../format/source-badge.js';
import { agreementIntervalSpec, type AgreementIntervalRow } from '../figures/agreement-interval-spec.js';
import { poolAgreement, type PooledAgreement } from '../scorecard/pool-agreement.js';
import { SOURCE_CLASS_LABELS, SOURCE_CLASS_SHORT_LABELS, sourceClass } from '../scorecard/source-class.js';
import { whereItFails } from '../scorecard/where-it-fails.js';
import { renderAblationClaims } from './ablation-claims-block.js';
import { renderFigureBlock } from './figure-block.js';
import type { IndexEntry } from './index-entry.js';
import { scrollBox } from './table-block.js';

const AXIS_TITLE = 'CCH agreement with the observed KD sign';

const POOLING_CAVEAT =
  'Pooled means the agree and decisive counts summed over the experiments, with a 95 % Wilson interval on the sums. ' +
  'Pooling treats the experiments — and every decisive setting in them — as independent; they share estimators, code and sometimes data, so read the pooled interval as optimistic.';

/** The section's HTML; figures that fail to render add to `warnings`. Empty when nothing is scored. */
export async function renderAcrossExperiments(entries: readonly IndexEntry[], warnings: string[]): Promise<string> {
  const scored = entries.filter((e) => e.scorecard !== undefined);
  if (scored.length === 0) return '';
  const named = entries.map((e) => ({ name: e.dir, sources: e.sources ?? [], scorecard: e.scorecard }));
  const pools = poolAgreement(named);
  const parts = ['<section class="across">', '<h2>Across experiments</h2>'];
  parts.push(await renderFigureBlock(perExperimentFigure(scored), warnings));
  parts.push('<h3>Pooled agreement</h3>', `<p class="caveat">${escapeHtml(POOLING_CAVEAT)}</p>`);
  const real = pools.filter((p) => p.sourceClass === 'real');
  const stand = pools.filter((p) => p.sourceClass !== 'real');
  if (real.length > 0) {
    parts.push(await renderFigureBlock(pooledFigure('pooled-real', 'Pooled over the real-data experiments', real, ['real']), warnings));
  } else {
    parts.push('<p class="banner banner-simulated" role="note"><strong>No real-data pool.</strong> No scored experiment ran on real data only, so nothing here speaks to the paper’s claim on its data sets. Fetch and convert the real data (see <code>data-scripts/</code>) and rerun.</p>');
  }
  if (stand.length > 0) {
    const sources = [...new Set(stand.flatMap((p) => entries.filter((e) => p.experiments.includes(e.dir)).flatMap((e) => e.sources ?? [])))];
    parts.push(
      await renderFigureBlock(
        pooledFigure('pooled-stand-ins', 'Pooled over simulated and embedded experiments — not the paper’s data, shown apart', stand, sources),
        warnings,
      ),
    );
  }
  parts.push(scrollBox(poolTable(pools)));
  parts.push(renderAblationClaims(entries));
  parts.push(failuresBlock(named), '</section>');
  return parts.join('\n');
}

function perExperimentFigure(scored: readonly IndexEntry[]): FigureSpec {
  const drawn = scored.filter((e) => e.scorecard!.cch.decisive > 0 && e.scorecard!.cch.rate !== null);
  const rows: AgreementIntervalRow[] = drawn.map((e) => {
    const a = e.scorecard!.cch;
    return { label: e.dir === e.experiment ? e.dir : `${e.dir} (${e.experiment})`, rate: a.rate as number, low: a.interval[0], high: a.interval[1], source: sourceClass(e.sources) };
  });
  const undrawn = scored.filter((e) => !drawn.includes(e)).map((e) => e.dir);
  return {
    id: 'agreement-by-experiment',
    title: 'The CCH’s agreement, experiment by experiment',
    caption: [
      'Share of each experiment’s decisive settings where the CCH (its primary estimator) predicted the observed sign of the KD effect; bars: the 95 % interval the experiment reports; dashed: 50 % (a coin flip). Colour and shape: the data source.',
      undrawn.length > 0 ? `Not drawn (no decisive setting): ${undrawn.join(', ')}.` : '',
    ]
      .filter((s) => s !== '')
      .join(' '),
    sources: [...new Set(drawn.flatMap((e) => e.sources ?? []))],
    spec: agreementIntervalSpec(rows, AXIS_TITLE),
  };
}

function pooledFigure(id: string, title: string, pools: readonly PooledAgreement[], sources: DataSource[]): FigureSpec {
  const rows: AgreementIntervalRow[] = pools.map((p) => ({
    label: `${SOURCE_CLASS_SHORT_LABELS[p.sourceClass]} — ${p.experiments.length} experiment${p.experiments.length === 1 ? '' : 's'}`,
    rate: p.rate,
    low: p.interval[0],
    high: p.interval[1],
    source: p.sourceClass,
  }));
  const members = pools.map((p) => `${SOURCE_CLASS_LABELS[p.sourceClass]}: ${p.experiments.join(', ')} (${p.agree} of ${p.decisive} decisive)`).join('; ');
  return { id, title, caption: `${members}. Bars: 95 % Wilson interval on the summed counts; dashed: 50 %.`, sources, spec: agreementIntervalSpec(rows, AXIS_TITLE) };
}

function poolTable(pools: readonly PooledAgreement[]): string {
  const body = pools.map((p) => {
    const phrase = agreementPhrase({ label: '', agree: p.agree, decisive: p.decisive, inconclusive: p.inconclusive, abstained: 0, rate: p.rate, interval: p.interval });
    return `<tr><td>${escapeHtml(SOURCE_CLASS_LABELS[p.sourceClass])}</td><td>${escapeHtml(phrase)}</td><td class="num">${p.inconclusive}</td><td>${escapeHtml(p.experiments.join(', '))}</td></tr>`;
  });
  return [
    '<table class="summary-table pool-table">',
    '<thead><tr><th>pool</th><th>CCH agreement (summed)</th><th class="num">inconclusive</th><th>experiments</th></tr></thead>',
    `<tbody>${body.join('')}</tbody>`,
    '</table>',
  ].join('');
}

function failuresBlock(named: Parameters<typeof whereItFails>[0]): string {
  const found = whereItFails(named);
  const parts = ['<h3>Where it fails</h3>'];
  if (found.failures.length === 0) {
    parts.push('<p>No scored experiment had a decisive setting where the CCH disagreed with the observed effect.</p>');
  } else {
    parts.push('<p class="caveat">The regimes where the CCH agreed least with the observed KD effect (lowest rates first; at most two per experiment).</p>');
    parts.push(`<ul class="failures">${found.failures.map((f) => `<li>${escapeHtml(f.text)}. ${sourceBadges(f.sources)}</li>`).join('')}</ul>`);
  }
  if (found.noFailure.length > 0) parts.push(`<p>Every decisive setting agreed in: ${escapeHtml(found.noFailure.join(', '))}.</p>`);
  if (found.notDecisive.length > 0) parts.push(`<p>No decisive setting (nothing to score) in: ${escapeHtml(found.notDecisive.join(', '))}.</p>`);
  return parts.join('\n');
}
