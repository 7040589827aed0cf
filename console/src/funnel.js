// Funnel analytics (GET /extension/{eid}/ivr/funnel): per context and option, how many calls
// entered, chose, timed out, were invalid, hung up there, were transferred; as a table, and
// drawn on the graph as edge widths.
import { h, clear } from './dom.js';
import { ApiError } from './api.js';

export function funnelPanel(api, eid, graph) {
  const from = h('input', { name: 'from', placeholder: 'YYYY-MM-DD HH:MM:SS' });
  const to = h('input', { name: 'to', placeholder: 'YYYY-MM-DD HH:MM:SS' });
  const output = h('div', { class: 'funnel-output' });
  const load = async () => {
    const query = new URLSearchParams();
    if (from.value.trim()) query.set('from', from.value.trim());
    if (to.value.trim()) query.set('to', to.value.trim());
    try {
      const funnel = await api.get(`/extension/${eid}/ivr/funnel?` + query);
      graph.showFunnel(funnel);
      clear(output, h('p', {}, `${funnel.calls} calls`), table(funnel));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      clear(output, h('p', { class: 'form-error' }, error.message));
    }
  };
  return h('div', { class: 'funnel' }, h('h4', {}, 'Funnel'),
    h('div', { class: 'filters' }, h('label', {}, 'from ', from), h('label', {}, 'to ', to), h('button', { class: 'load-funnel', onclick: load }, 'Count')),
    output);
}

function table(funnel) {
  const columns = ['context', 'entered', 'timed out', 'invalid', 'hung up', 'transfers ok', 'transfers failed', 'options chosen'];
  return h('table', { class: 'funnel-table' },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', {}, c)))),
    h('tbody', {}, funnel.contexts.map((c) => h('tr', { dataset: { context: c.context } },
      h('td', {}, c.name || `#${c.context} (deleted)`), h('td', {}, c.entered), h('td', {}, c.timed_out), h('td', {}, c.invalid),
      h('td', {}, c.hung_up), h('td', {}, c.transfers_answered), h('td', {}, c.transfers_failed),
      h('td', {}, c.options.filter((o) => !['start', 'timeout', 'invalid'].includes(o.digits)).map((o) => `${o.digits}: ${o.calls}`).join(', '))))));
}
