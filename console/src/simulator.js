// "Try it": runs the IVR in the simulator (POST /extension/{eid}/ivr/simulate, semantics.md
// rule 33) with key presses typed as "at-ms keys" lines, and draws the path on the graph.
import { h, clear } from './dom.js';
import { ApiError } from './api.js';
import { timeline } from './trace.js';

export function simulatorPanel(api, eid, graph) {
  const events = h('textarea', { name: 'events', rows: 4, placeholder: '1200 1\n9000 hangup' }, '');
  const caller = h('input', { name: 'caller_id_number', placeholder: '+79001234567' });
  const transfers = h('input', { name: 'transfers', placeholder: '002=answer 050=busy' });
  const output = h('div', { class: 'sim-output' });
  const run = async () => {
    const body = { events: parseEvents(events.value), transfers: parseTransfers(transfers.value) };
    if (caller.value.trim()) body.caller_id_number = caller.value.trim();
    try {
      const result = await api.post(`/extension/${eid}/ivr/simulate`, body);
      const highlighted = graph.showPath(result.trace);
      clear(output,
        h('p', { class: 'sim-result' }, `Ended: ${result.result.end}`, result.result.destination ? ` → ${result.result.destination}` : '', ` at ${(result.result.at / 1000).toFixed(1)} s (${result.result.reason}); ${highlighted} elements on the path`),
        timeline(result.trace));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      clear(output, h('p', { class: 'form-error' }, error.message));
    }
  };
  return h('div', { class: 'simulator' },
    h('h4', {}, 'Try it (simulator)'),
    h('label', { class: 'field' }, h('span', {}, 'keys: one "ms keys" per line (or "ms hangup")'), events),
    h('label', { class: 'field' }, h('span', {}, 'caller number'), caller),
    h('label', { class: 'field' }, h('span', {}, 'transfers: destination=answer|busy|no_answer|...'), transfers),
    h('button', { class: 'run-simulation', onclick: run }, 'Run'),
    output);
}

export function parseEvents(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const [at, what] = line.split(/\s+/);
    return what === 'hangup' ? { at: Number(at), hangup: true } : { at: Number(at), dtmf: what || '' };
  });
}

function parseTransfers(text) {
  const transfers = {};
  for (const pair of text.split(/[\s,]+/).filter(Boolean)) {
    const [destination, outcome] = pair.split('=');
    if (destination && outcome) transfers[destination] = outcome;
  }
  return transfers;
}
