import PDFDocument from 'pdfkit';

// The end report as a PDF, typeset from the same Markdown the page offers for download, so the three
// forms never disagree. Headings, list items and paragraphs are all the report uses.
export function renderReportPdf(markdown: string, title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Creator: 'Corner' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const line of markdown.split('\n')) {
      const heading = /^(#{1,3})\s+(.*)$/.exec(line);
      if (heading) {
        const level = heading[1]?.length ?? 1;
        doc
          .moveDown(level === 1 ? 0 : 0.6)
          .font('Helvetica-Bold')
          .fontSize(level === 1 ? 20 : level === 2 ? 14 : 12);
        doc.text(plain(heading[2] ?? ''));
        doc.moveDown(0.3);
        continue;
      }
      doc.font('Helvetica').fontSize(11);
      const item = /^\s*[-*]\s+(.*)$/.exec(line);
      if (item) doc.text(`•  ${plain(item[1] ?? '')}`, { indent: 12 });
      else if (line.trim() === '') doc.moveDown(0.4);
      else doc.text(plain(line));
    }
    doc.end();
  });
}

// Markdown emphasis and links read as plain text on paper.
function plain(text: string): string {
  return text
    .replace(/\*\*(.*?)\*\*/g, '$1')
    .replace(/\*(.*?)\*/g, '$1')
    .replace(/\[(.*?)\]\((.*?)\)/g, '$1 ($2)');
}
