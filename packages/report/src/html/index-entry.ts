/** What the index knows of one experiment: read from its results.json alone. */
import type { AblationClaimEntry } from './ablation-claims-block.js';
import type { DataSource, Scorecard } from '../contract.js';

export interface IndexEntry {
  /**
   * The directory under the reports root, named after the config it ran (`ablation-lambda`); it
   * may differ from the experiment (`tcga`), so the index shows both.
   */
  dir: string;
  /** The registered experiment name. */
  experiment: string;
  title: string;
  /** Link to the experiment's page, relative to the index (e.g. `fig3-gaussian/index.html`). */
  href: string;
  profile: string;
  sources: DataSource[];
  /** ISO timestamp of the end of the run. */
  finishedAt: string;
  /** The YAML file it ran from, when there was one. */
  configFile?: string;
  /** One short line: the description's first sentence. Default: nothing. */
  summaryLine?: string;
  /** What it found (checked); absent for older results and experiments that score nothing. */
  scorecard?: Scorecard;
  /** The paper's ablation claims as this run scored them (`summary.ablation_claims`). */
  ablationClaims?: AblationClaimEntry[];
}
