// A call's trace (semantics.md rule 33) as a timeline: one row per entry, time in seconds,
// the entry's attributes in words. Simulated and real calls share the format, so one view.
import { h } from './dom.js';

const SKIP = new Set(['at', 'type']);

export function timeline(trace) {
  return h('table', { class: 'timeline' },
    h('thead', {}, h('tr', {}, h('th', {}, 's'), h('th', {}, 'what'), h('th', {}, 'detail'))),
    h('tbody', {}, trace.map((entry) => h('tr', { class: 'trace-' + entry.type },
      h('td', { class: 'at' }, (entry.at / 1000).toFixed(2)),
      h('td', {}, entry.type),
      h('td', {}, Object.entries(entry).filter(([k]) => !SKIP.has(k)).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(' ') : v}`).join(', '))))));
}
