import PDFDocument from 'pdfkit';
import type { SponsorReport } from '../../domain/outcomes/sponsor-report';

const INK = '#1f2937';
const BAR = '#3b5bdb';
const MUTED = '#6b7280';
const WIDTH = 483; // A4 width minus the margins

// The sponsor report on paper: the four levels in order, each with its sentences and a small chart
// drawn from the same report the page and the CSV use. Withheld bars are labelled, never drawn as 0.
export function renderSponsorPdf(report: SponsorReport, title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: title, Creator: 'Corner' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fillColor(INK).font('Helvetica-Bold').fontSize(20).text(title);
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor(MUTED)
      .text('Aggregates only: any figure over fewer than 5 people reads "fewer than 5".');
    for (const section of report.sections) {
      doc.moveDown(1).fillColor(INK).font('Helvetica-Bold').fontSize(14).text(section.title);
      doc.font('Helvetica-Oblique').fontSize(10).fillColor(MUTED).text(section.question);
      doc.moveDown(0.3).font('Helvetica').fontSize(11).fillColor(INK);
      for (const sentence of section.sentences) doc.text(sentence).moveDown(0.2);
      if (section.level === 'behaviour') bars(doc, report.charts.funnel);
      if (section.level === 'learning') bars(doc, report.charts.goals);
      if (section.level === 'reaction') pulseLine(doc, report.charts.pulse);
      if (section.level === 'results') whiskers(doc, report.charts.effects);
    }
    doc.end();
  });
}

type Doc = InstanceType<typeof PDFDocument>;

function room(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function bars(doc: Doc, data: { label: string; count: number | null }[]) {
  const rowHeight = 16;
  room(doc, data.length * rowHeight + 10);
  const max = Math.max(1, ...data.map((d) => d.count ?? 0));
  const left = doc.page.margins.left;
  const labelWidth = 140;
  let y = doc.y + 6;
  for (const d of data) {
    doc
      .fillColor(INK)
      .fontSize(9)
      .text(d.label, left, y + 2, { width: labelWidth });
    if (d.count === null) {
      doc.fillColor(MUTED).text('fewer than 5', left + labelWidth + 4, y + 2);
    } else {
      const width = ((WIDTH - labelWidth - 40) * d.count) / max;
      doc.rect(left + labelWidth, y, Math.max(1, width), rowHeight - 4).fill(BAR);
      doc.fillColor(INK).text(String(d.count), left + labelWidth + width + 4, y + 2);
    }
    y += rowHeight;
  }
  doc.x = left;
  doc.y = y + 4;
}

function pulseLine(doc: Doc, data: { month: string; relationship: number; progress: number }[]) {
  if (data.length === 0) return;
  const height = 90;
  room(doc, height + 30);
  const left = doc.page.margins.left + 20;
  const top = doc.y + 8;
  const step = data.length > 1 ? (WIDTH - 40) / (data.length - 1) : 0;
  const yOf = (score: number) => top + height - ((score - 1) / 4) * height;
  doc
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .moveTo(left, top)
    .lineTo(left, top + height)
    .lineTo(left + WIDTH - 40, top + height)
    .stroke();
  doc
    .fontSize(8)
    .fillColor(MUTED)
    .text('5', left - 12, top - 4)
    .text('1', left - 12, top + height - 6);
  const line = (key: 'relationship' | 'progress', color: string) => {
    data.forEach((d, i) => {
      const x = left + i * step;
      if (i === 0) doc.moveTo(x, yOf(d[key]));
      else doc.lineTo(x, yOf(d[key]));
    });
    doc.lineWidth(1.5).strokeColor(color).stroke();
  };
  line('relationship', BAR);
  line('progress', '#0c8599');
  data.forEach((d, i) => {
    doc
      .fillColor(MUTED)
      .fontSize(8)
      .text(d.month, left + i * step - 14, top + height + 4);
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height + 18;
  doc.fontSize(9).fillColor(INK).text('Blue: how it is going. Teal: progress to the goal (1–5).');
}

function whiskers(
  doc: Doc,
  data: { measure: string; difference: number; low: number; high: number; unit: string }[],
) {
  if (data.length === 0) return;
  const rowHeight = 26;
  room(doc, data.length * rowHeight + 20);
  const left = doc.page.margins.left;
  const labelWidth = 160;
  const span = Math.max(1, ...data.flatMap((d) => [Math.abs(d.low), Math.abs(d.high)]));
  const zero = left + labelWidth + (WIDTH - labelWidth) / 2;
  const scale = (WIDTH - labelWidth - 20) / 2 / span;
  let y = doc.y + 8;
  doc
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .moveTo(zero, y - 4)
    .lineTo(zero, y + data.length * rowHeight)
    .stroke();
  for (const d of data) {
    doc
      .fillColor(INK)
      .fontSize(9)
      .text(d.measure, left, y + 4, { width: labelWidth - 8 });
    const mid = y + 8;
    doc
      .lineWidth(1.5)
      .strokeColor(BAR)
      .moveTo(zero + d.low * scale, mid)
      .lineTo(zero + d.high * scale, mid)
      .stroke();
    doc.circle(zero + d.difference * scale, mid, 3).fill(BAR);
    const sign = (n: number) => (n > 0 ? `+${n}` : String(n));
    doc
      .fillColor(INK)
      .fontSize(8)
      .text(
        `${sign(d.difference)} ${d.unit} (${sign(d.low)} to ${sign(d.high)})`.replace('  ', ' '),
        zero + d.high * scale + 6,
        mid - 4,
      );
    y += rowHeight;
  }
  doc.x = left;
  doc.y = y + 4;
  doc
    .fontSize(9)
    .fillColor(INK)
    .text('Dot: the difference; line: its 95% interval; the middle line is no difference.');
}
