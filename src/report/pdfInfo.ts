/**
 * Sets a PDF's document information (title, author, subject) by an
 * incremental update: a new Info object, an xref section for it and a trailer
 * pointing back to the previous one are appended, and nothing before is
 * touched. Chromium's printer sets only the title, from the page's <title>.
 *
 * @example
 *   await writeFile(file, setPdfInfo(await readFile(file), { Title: '旅程分析', Author: '某咨询' }));
 */

/** A PDF text string: UTF-16BE with a byte-order mark, as hex, so any script is safe. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

export type PdfInfo = Partial<Record<'Title' | 'Author' | 'Subject' | 'Creator', string>>;

/** The PDF with `info` as its document information; other Info keys (dates, producer) are kept. */
export function setPdfInfo(pdf: Buffer, info: PdfInfo): Buffer {
  const text = pdf.toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const trailerAt = text.lastIndexOf('trailer');
  if (!startxref || trailerAt < 0) throw new Error('not a PDF with a classic cross-reference table');
  const trailer = text.slice(trailerAt, startxref.index);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  const infoRef = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  if (!size || !root) throw new Error('the PDF trailer has no /Size or /Root');
  const infoNumber = infoRef ? Number(infoRef[1]) : Number(size[1]);
  const kept: string[] = [];
  if (infoRef) {
    const object = new RegExp(`(?:^|\\s)${infoNumber}\\s+${infoRef[2]}\\s+obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(
      text,
    );
    for (const match of object?.[1]?.matchAll(/\/(CreationDate|ModDate|Producer)\s*(\([^)]*\))/g) ?? [])
      kept.push(`/${match[1]} ${match[2]}`);
  }
  const entries = Object.entries(info)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `/${key} ${pdfTextString(value)}`);
  const body = `${infoNumber} 0 obj\n<<${[...entries, ...kept].join('\n')}>>\nendobj\n`;
  const prefix = text.endsWith('\n') ? '' : '\n';
  const objectAt = pdf.length + prefix.length;
  const xrefAt = objectAt + Buffer.byteLength(body, 'latin1');
  const newSize = Math.max(Number(size[1]), infoNumber + 1);
  const update =
    prefix +
    body +
    `xref\n${infoNumber} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${newSize}\n/Root ${root[1]}\n/Info ${infoNumber} 0 R\n/Prev ${startxref[1]}>>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}
