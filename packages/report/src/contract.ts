/**
 * The report's view of the experiment contract, imported in one place so every file takes these
 * types from here. They are defined by `@cch-lab/pipeline` (ResultsFile, TableSpec, …) and
 * `@cch-lab/data` (DataSource).
 */
export { COLUMN_FORMATS } from '@cch-lab/pipeline';
export type {
  ColumnFormat,
  ColumnSpec,
  FigureSpec,
  Profile,
  ResultsFile,
  Row,
  Scalar,
  Scorecard,
  ScorecardAgreement,
  ScorecardRegime,
  TableSpec,
} from '@cch-lab/pipeline';
export type { DataSource } from '@cch-lab/data';
