// The client's call history with filters; a call opens as its trace: a timeline, and its path
// on the graph of the IVR that took it.
import { h, clear } from './dom.js';
import { ApiError } from './api.js';
import { timeline } from './trace.js';

export function callsView(api, openOnGraph) {
  const from = h('input', { name: 'start_datetime', placeholder: 'YYYY-MM-DD HH:MM:SS' });
  const to = h('input', { name: 'end_datetime', placeholder: 'YYYY-MM-DD HH:MM:SS' });
  const list = h('div', { class: 'call-list' });
  const detail = h('div', { class: 'call-detail' });
  const load = async () => {
    const query = new URLSearchParams({ per_page: '100' });
    if (from.value.trim()) query.set('start_datetime', from.value.trim());
    if (to.value.trim()) query.set('end_datetime', to.value.trim());
    try {
      const page = await api.get('/client/@me/call_history/?' + query);
      clear(list, table(page.call_history, open));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      clear(list, h('p', { class: 'form-error' }, error.message));
    }
  };
  const open = async (call) => {
    const trace = await api.get(`/client/@me/call_history/${encodeURIComponent(call.call_uuid)}/trace`);
    clear(detail,
      h('h4', {}, 'Call ' + call.call_uuid),
      call.extension_id ? h('button', { class: 'show-on-graph', onclick: () => openOnGraph(call.extension_id, trace) }, 'Show path on the graph') : null,
      timeline(trace));
  };
  load();
  return h('div', { class: 'calls' },
    h('div', { class: 'filters' }, h('label', {}, 'from ', from), h('label', {}, 'to ', to), h('button', { onclick: load }, 'Filter')),
    list, detail);
}

function table(calls, open) {
  if (!calls.length) return h('p', {}, 'No calls in this period.');
  const when = (c) => c.init_time_gmt || c.start_time_gmt || c.start || '';
  const caller = (c) => c.from_username || c.caller_id_number || '';
  const duration = (c) => (c.duration !== undefined ? c.duration + ' s' : Math.round((c.duration_ms || 0) / 1000) + ' s');
  return h('table', { class: 'calls-table' },
    h('thead', {}, h('tr', {}, ['time', 'caller', 'called', 'duration', 'result', 'end'].map((t) => h('th', {}, t)))),
    h('tbody', {}, calls.map((c) => h('tr', { class: 'call-row', dataset: { uuid: c.call_uuid }, onclick: () => open(c) },
      h('td', {}, when(c)), h('td', {}, caller(c)), h('td', {}, c.to_username || c.called_did || ''),
      h('td', {}, duration(c)), h('td', {}, c.result || ''), h('td', {}, c.end_reason || '')))));
}
