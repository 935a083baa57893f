// Management review minutes (clause 9.3): the inputs 9.3.2 lists and the outputs 9.3.3 asks for, each with the
// words minutes use for it (several languages). An input is covered by a heading, a list item, the first cell of
// an agenda table row, or a `Key: value` line that names it.
import type { IsmsDocument } from '../model';
import { headingTitle } from './sections';

export interface ReviewTopic {
  key: string;
  title: string;
  clause: string;
  pattern: RegExp;
}

export const REVIEW_INPUTS: readonly ReviewTopic[] = [
  { key: 'previous-actions', title: 'Status of actions from previous management reviews', clause: '9.3.2 a', pattern: /\b(?:status of |previous |open )?actions? (?:from|of) (?:the )?(?:previous|last|prior|earlier)|\bprevious (?:review )?actions|\bfollow[- ]up (?:of|on) (?:previous |prior )?actions|\baction (?:log|tracker|status)|\bmaßnahmen (?:aus )?(?:der )?(?:vorherigen|letzten)|\bactions? (?:des|de la) (?:revue|réunion) précédente|\bacciones de (?:la )?revisi[oó]n anterior|\bacties uit (?:de )?vorige|前回.*処置/iu },
  { key: 'issues', title: 'Changes in external and internal issues', clause: '9.3.2 b', pattern: /\b(?:external and internal|internal and external|external|internal) issues|\bcontext of the organi[sz]ation|\bchanges? in (?:the )?context|\binterne und externe themen|\benjeux (?:externes et internes|internes et externes)|\bcuestiones (?:externas e internas|internas y externas)|\binterne en externe|外部及び内部の課題/iu },
  { key: 'interested-parties', title: 'Changes in needs and expectations of interested parties', clause: '9.3.2 c', pattern: /^(?!.*(?:feedback|complaint|rückmeld|retours?\b|retroaliment|terugkoppel|フィードバック))(?:.*\bneeds and expectations|.*\binterested part(?:y|ies)|.*\bstakeholder (?:needs|requirements|expectations)|.*\binteressierte[nr]? parteien|.*\bparties intéressées|.*\bpartes interesadas|.*\bbelanghebbenden|.*利害関係者)/iu },
  { key: 'nonconformities', title: 'Nonconformities and corrective actions', clause: '9.3.2 d 1', pattern: /\bnon-?conformit|\bcorrective actions?|\bnichtkonformit|\bkorrekturmaßnahmen|\bnon-conformités|\bno conformidad|\bafwijkingen|不適合/iu },
  { key: 'monitoring', title: 'Monitoring and measurement results', clause: '9.3.2 d 2', pattern: /\bmonitoring|\bmeasurement|\bmetrics\b|\bkpis?\b|\bperformance (?:indicators|measures)|\büberwachung|\bmessung|\bsurveillance et mesure|\bseguimiento y medici[oó]n|\bmeting|監視|測定/iu },
  { key: 'audit-results', title: 'Audit results', clause: '9.3.2 d 3', pattern: /\baudits?\b(?! programme)|\bauditergebnisse|\brésultats d['’]audit|\bresultados de (?:la )?auditor[ií]a|監査/iu },
  { key: 'objectives', title: 'Fulfilment of information security objectives', clause: '9.3.2 d 4', pattern: /\bobjectives?\b|\bziele\b|\bzielerreichung|\bobjectifs?\b|\bobjetivos?\b|\bdoelstellingen|目標/iu },
  { key: 'feedback', title: 'Feedback from interested parties', clause: '9.3.2 e', pattern: /\bfeedback|\bcomplaints?|\brückmeldungen|\bretours?\b|\bretroalimentaci[oó]n|\bterugkoppeling|フィードバック/iu },
  { key: 'risk', title: 'Results of risk assessment and status of the risk treatment plan', clause: '9.3.2 f', pattern: /\brisk (?:assessment|treatment)|\brisks?\b|\brisikobeurteilung|\brisikobehandlung|\brisiken?\b|\brisques?\b|\briesgos?\b|\brisico|リスク/iu },
  { key: 'improvement', title: 'Opportunities for continual improvement', clause: '9.3.2 g', pattern: /\bimprovement|\bofis?\b|\bverbesserung|\bamélioration|\bmejora|\bverbetering|改善/iu },
];

export const REVIEW_OUTPUTS: ReviewTopic = {
  key: 'outputs',
  title: 'Decisions on continual improvement and changes to the ISMS',
  clause: '9.3.3',
  pattern: /\boutputs?\b|\bdecisions?\b|\bresolutions?\b|\bactions? agreed|\bagreed actions|\bergebnisse der managementbewertung|\bbeschlüsse|\bentscheidungen|\bdécisions?\b|\bdecisiones\b|\bbesluiten|\bdeliberazioni|決定|アウトプット/iu,
};

/** The texts of a document's agenda: headings, list items, first cells of table rows and `Key:` lines. */
export function agendaTexts(doc: IsmsDocument): string[] {
  const texts = doc.headings.map((h) => headingTitle(h.text));
  for (const item of doc.listItems) texts.push(item.text.slice(0, 160));
  for (const table of doc.tables) {
    texts.push(table.header.map((h) => h.text).join(' '));
    for (const row of table.rows) if (row.cells[0]) texts.push(row.cells[0].text.slice(0, 160));
  }
  for (const s of doc.statements) if (s.kind === 'field' && s.key) texts.push(s.key);
  return texts;
}

export function coveredTopics(doc: IsmsDocument, topics: readonly ReviewTopic[]): Set<string> {
  const texts = agendaTexts(doc);
  return new Set(topics.filter((t) => texts.some((x) => t.pattern.test(x))).map((t) => t.key));
}
