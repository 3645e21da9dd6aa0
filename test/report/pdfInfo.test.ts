/** A PDF's document information set by an incremental update, read back with pdfinfo. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfTextString, setPdfInfo } from '../../src/report/pdfInfo.ts';

/** A one-page PDF with a classic xref table, offsets computed. */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Producer (Hand) /CreationDate (D:20260101000000Z) /Title (Old) >>',
    '<< /Type /Catalog /Pages 3 0 R /Lang (zh-CN) >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>',
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<</Size 5\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

let dir = '';
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'pdf-info-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('setPdfInfo', () => {
  it('encodes text as UTF-16BE hex with a byte-order mark', () => {
    expect(pdfTextString('A安')).toBe('<FEFF00415B89>');
  });

  it('replaces title and author, keeps the producer and dates, and leaves the original bytes untouched', async () => {
    const original = minimalPdf();
    const updated = setPdfInfo(original, { Title: '安泰人寿客户旅程分析报告', Author: 'Li Ming（远见咨询）' });
    expect(updated.subarray(0, original.length).equals(original)).toBe(true);
    const file = join(dir, 'x.pdf');
    await writeFile(file, updated);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+安泰人寿客户旅程分析报告$/m);
    expect(info).toMatch(/^Author:\s+Li Ming（远见咨询）$/m);
    expect(info).toMatch(/^Producer:\s+Hand$/m);
    expect(info).toMatch(/^CreationDate:\s+.*2026/m);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).not.toMatch(/Syntax (Error|Warning)/);
  });
});
