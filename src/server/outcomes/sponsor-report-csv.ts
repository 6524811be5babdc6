import type { SponsorReport } from '../../domain/outcomes/sponsor-report';
import { stringifyCsv } from '../http/csv';

/** One row per figure, by level: what a sponsor pastes into their own deck. Withheld figures read
 * "fewer than 5", exactly as on the page. */
export function sponsorReportCsv(report: SponsorReport): string {
  // A level with nothing to count yet still gets its row, saying why, so the four levels are always there.
  const rows = report.sections.flatMap((section) =>
    section.figures.length === 0
      ? [[section.title.toLowerCase(), 'no figures yet', '', '', section.sentences.join(' ')]]
      : section.figures.map((f) => [section.title.toLowerCase(), f.measure, f.value, f.n, f.note]),
  );
  return stringifyCsv(rows, { header: true, columns: ['level', 'measure', 'value', 'n', 'note'] });
}
