import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';

/** For tests of generated documents: their text as a reader (or a screen reader) gets it. */

const run = promisify(execFile);

/**
 * Text of a PDF by poppler's pdftotext (Debian poppler-utils), pages separated by form feeds.
 * `raw` (the default) keeps the order the PDF draws text in, so the lines of one table cell stay
 * together (pdftotext's reading order interleaves neighbouring cells); `layout` keeps positions.
 */
export async function pdfText(pdf: Buffer, options: { mode?: 'raw' | 'layout' | 'reading' } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'legato-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const mode = options.mode ?? 'raw';
    const args = [...(mode === 'reading' ? [] : [`-${mode}`]), '-enc', 'UTF-8', file, '-'];
    const { stdout } = await run('pdftotext', args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Number of pages of a PDF by poppler's pdfinfo. */
export async function pdfPageCount(pdf: Buffer): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'legato-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdfinfo', [file]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Text of one WordprocessingML part: one line per paragraph (runs joined), tabs and breaks kept. */
export function wordXmlText(xml: string): string {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>|<w:instrText[^>]*>([\s\S]*?)<\/w:instrText>/g)]
        .map((m) => {
          if (m[0] === '<w:tab/>') return '\t';
          if (m[0] === '<w:br/>') return '\n';
          if (m[2] !== undefined) return `{${m[2].trim()}}`; // a field: {PAGE}, {NUMPAGES}
          return decode(m[1] ?? '');
        })
        .join(''),
    )
    .join('\n');
}

/** The parts of a .docx as text: body, headers and footers, and the raw XML for closer checks. */
export async function docxParts(docx: Buffer): Promise<{ body: string; headers: string; footers: string; xml: Record<string, string> }> {
  const zip = await JSZip.loadAsync(docx);
  const xml: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml')) xml[name] = await zip.files[name].async('string');
  }
  const partsText = (prefix: string) =>
    Object.keys(xml)
      .filter((n) => n.startsWith(`word/${prefix}`))
      .sort()
      .map((n) => wordXmlText(xml[n]))
      .join('\n');
  return { body: wordXmlText(xml['word/document.xml'] ?? ''), headers: partsText('header'), footers: partsText('footer'), xml };
}
