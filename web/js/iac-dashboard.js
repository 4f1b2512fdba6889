// What the dashboard adds for an IaC scan (source terraform, stored by `calabi iac --save`): both scores with their
// formulas, whole and per section, and each requirement's not-verifiable resources with why. Every figure comes
// from the API, which computes it from the same requirement rows the table shows.
import { fmtScore, h } from './dom.js';

/** Both scores, the counts behind them and the per-section table; null for a live scan. */
export function iacScoresCard(s) {
  if (!s || s.source !== 'terraform') return null;
  const score = (id, label, value, formula, counts) => h('div', {},
    h('div', { class: 'label', id }, label),
    h('div', { class: 'big', 'aria-describedby': id, dataset: { score: id } }, fmtScore(value)),
    h('div', { class: 'formula small muted' }, `${formula} = ${counts}`));
  return h('div', { class: 'card iac-scores', 'aria-label': 'IaC scores' },
    h('div', { class: 'label' }, `Terraform ${s.terraform?.kind ?? 'plan'}${s.terraform?.file ? ` ${s.terraform.file}` : ''}: ${s.not_verifiable} requirement(s) NOT VERIFIABLE (facts the plan cannot show)`),
    h('div', { class: 'scores' },
      score('verifiable-score', 'Verifiable score', s.verifiable_score, s.verifiable_formula, `${s.pass} / (${s.pass} + ${s.fail})`),
      score('overall-score', 'Overall score', s.overall_score, s.overall_formula, `${s.pass} / (${s.pass} + ${s.fail} + ${s.not_verifiable})`)),
    h('table', { class: 'iac-sections' },
      h('caption', {}, 'Section by section'),
      h('thead', {}, h('tr', {}, ['Section', 'Verifiable score', 'Overall score', 'Pass', 'Fail', 'Not verifiable', 'Error', 'Skip', 'Manual'].map((t, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, t)))),
      h('tbody', {}, s.sections.map((x) => h('tr', {}, h('td', {}, x.section), h('td', { class: 'num' }, fmtScore(x.verifiable_score)), h('td', { class: 'num' }, fmtScore(x.overall_score)),
        [x.pass, x.fail, x.not_verifiable, x.error, x.skip, x.manual].map((n) => h('td', { class: 'num' }, n)))))));
}

/** The resources of a requirement that the plan cannot show, with why (control detail). */
export function notVerifiableTable(d) {
  if (!d.not_verifiable?.length) return null;
  return h('table', { class: 'resources not-verifiable' },
    h('caption', {}, `Not verifiable resources (${d.not_verifiable.length})`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Resource'), h('th', { scope: 'col' }, 'Terraform address'), h('th', { scope: 'col' }, 'Why'))),
    h('tbody', {}, d.not_verifiable.map((r) => h('tr', {}, h('td', { class: 'mono' }, r.resource_id), h('td', { class: 'mono' }, (r.terraform_addresses ?? r.addresses ?? []).join(', ')), h('td', {}, r.reason)))));
}
