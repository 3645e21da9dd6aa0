/**
 * A source's header as the event-table builder receives it: column names
 * (cleaned here) and, for typed sources, which columns hold instants.
 *
 * @example
 *   cleanHeader(['\uFEFFid', '', 'id']); // ['id', 'column_2', 'id_2']
 */
export interface SourceColumn {
  name: string;
  /** A typed instant (Parquet/Arrow timestamp or date): numbers are epoch ms as they are. */
  isInstant?: boolean;
}

/** `text`: every value is a string as in CSV; `typed`: JSON, Parquet, Arrow values. */
export type SourceKind = 'text' | 'typed';

/** Cleans header names: trimmed (and a stray BOM dropped), empty ones named `column_N`, repeats suffixed `_2`. */
export function cleanHeader(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, index) => {
    let name = raw.replace(/^\uFEFF/, '').trim() || `column_${index + 1}`;
    if (seen.has(name)) {
      let suffix = 2;
      while (seen.has(`${name}_${suffix}`)) suffix++;
      name = `${name}_${suffix}`;
    }
    seen.add(name);
    return name;
  });
}
