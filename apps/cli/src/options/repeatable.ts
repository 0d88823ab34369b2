/** Repeatable options (`--set k=v --set …`, `--teacher A --teacher B`): commander's collector. */

/** Appends one occurrence of a repeatable option to the ones before it. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
