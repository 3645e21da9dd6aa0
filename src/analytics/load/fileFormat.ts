/**
 * The event-log format of a file, from its extension (spec §1).
 *
 * @example
 *   fileFormatOf('export.TSV'); // 'tsv'
 */
export type FileFormat = 'csv' | 'tsv' | 'json' | 'ndjson' | 'parquet' | 'arrow' | 'xlsx';

const FORMAT_BY_EXTENSION: Record<string, FileFormat> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  parquet: 'parquet',
  pq: 'parquet',
  arrow: 'arrow',
  arrows: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
  xlsx: 'xlsx',
};

export const SUPPORTED_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION);

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The format, or undefined when the extension is not one we read. */
export function fileFormatOf(fileName: string): FileFormat | undefined {
  return FORMAT_BY_EXTENSION[extensionOf(fileName)];
}

/** What to tell someone whose file has an extension we do not read. */
export function unsupportedFormatMessage(fileName: string): string {
  const extension = extensionOf(fileName);
  const what = extension ? `unsupported file type ".${extension}"` : 'no file extension, so the format is unknown';
  const advice =
    extension === 'xls' || extension === 'xlsb' || extension === 'xlsm'
      ? 'save the workbook as .xlsx (Excel Workbook) or the sheet as "CSV UTF-8 (Comma delimited)"'
      : 'name it .csv, .tsv, .json (an array of objects), .ndjson, .parquet, .arrow or .xlsx after its format';
  return `${what} — ${advice}`;
}
