import { api } from './api.js';
import { clear, fmtTime, h } from './dom.js';

/**
 * Accepted risks on the page: the "Accept risk…" form under a failing resource (POST /api/exceptions, scoped to
 * that check and resource), and the card of exceptions expiring within 14 days.
 */

/** The button and its form for one finding; the form opens in place and says what the server refused. */
export function acceptRiskButton(finding) {
  const box = h('div', { class: 'accept-risk' });
  const open = () => {
    const in90 = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const field = (label, name, attrs = {}) => h('label', {}, `${label} `, h('input', { name, ...attrs }));
    const message = h('p', { class: 'small', role: 'status' });
    const form = h('form', { class: 'accept-risk-form', 'aria-label': `Accept risk for ${finding.resource_id}` },
      h('p', { class: 'small muted' }, `Accept ${finding.check_id} for ${finding.resource_id} (${finding.account_id} ${finding.region}).`),
      h('label', {}, 'Justification ', h('textarea', { name: 'justification', rows: 2, required: true })),
      field('Owner', 'owner', { required: true }),
      field('Expires', 'expires', { type: 'date', value: in90, required: true }),
      field('Ticket URL', 'ticket', { type: 'url' }),
      field('Your name', 'by'),
      h('button', { type: 'submit' }, 'Accept risk'),
      h('button', { type: 'button', onclick: () => clear(box, button) }, 'Cancel'),
      message);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const v = Object.fromEntries(new FormData(form).entries());
      const body = { check: finding.check_id, account: finding.account_id, region: finding.region, resource: finding.resource_id, justification: v.justification, owner: v.owner, expires: v.expires };
      if (v.ticket) body.ticket = v.ticket;
      if (v.by) body.by = v.by;
      try {
        const e = await api.post('/api/exceptions', body);
        clear(box, h('p', { class: 'small ok' }, `Exception ${e.id} created, expires ${fmtTime(e.expires_at)}: the next evaluation marks this finding EXCEPTED.`));
      } catch (error) {
        message.textContent = error.message;
        message.className = 'small error';
      }
    });
    clear(box, form);
    form.querySelector('textarea')?.focus();
  };
  const button = h('button', { type: 'button', class: 'link', onclick: open }, 'Accept risk…');
  clear(box, button);
  return box;
}

/** Exceptions expiring within 14 days (empty when none): the dashboard shows it beside the score. */
export async function expiringCard() {
  let list;
  try {
    list = (await api.get('/api/exceptions')).exceptions.filter((e) => e.expires_soon);
  } catch {
    return h('div', { class: 'card', hidden: true });
  }
  if (!list.length) return h('div', { class: 'card', hidden: true });
  return h('div', { class: 'card expiring' },
    h('div', { class: 'label' }, 'Exceptions expiring within 14 days'),
    h('ul', { class: 'small' }, list.map((e) => h('li', {}, `${e.check_id ?? `${e.benchmark_id} ${e.requirement_id}`}${e.resource_pattern ? ` ${e.resource_pattern}` : ''} — ${e.owner}, ${fmtTime(e.expires_at)}`))));
}
