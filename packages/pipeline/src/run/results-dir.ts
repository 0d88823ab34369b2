/**
 * Where a run's results go: `<reports>/<config name>/`, the YAML file's base name without its
 * extension, so two configs of one experiment (configs/tcga.yaml, configs/ablation-lambda.yaml)
 * never overwrite each other. A config that came from no file (a label such as `<inline>`) keeps
 * the experiment's name.
 */
import path from 'node:path';

export function resultsDirName(resolved: { definition: { name: string }; file: string }): string {
  const { file } = resolved;
  if (file === '' || file.startsWith('<')) return resolved.definition.name;
  const stem = path.parse(file).name;
  // A hidden or empty stem would collide with `.cache` or vanish from the index.
  return stem === '' || stem.startsWith('.') ? resolved.definition.name : stem;
}
