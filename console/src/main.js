// Tonal's console: sign in with an app's client id and secret, pick an IVR, see it as a graph,
// edit it, try it in the simulator, follow calls and see the funnel. Everything goes through
// the public REST API; window.tonalConsole exposes the state for the browser tests.
import { h, clear, $ } from './dom.js';
import { Api, ApiError } from './api.js';
import { loadIvr } from './ivr.js';
import { IvrGraph } from './graph.js';
import { Editor } from './editor.js';
import { simulatorPanel } from './simulator.js';
import { callsView } from './calls.js';
import { funnelPanel } from './funnel.js';
import { soundsView } from './sounds.js';

const api = new Api();
const state = { ivr: null, selection: null, graph: null };
window.tonalConsole = { api, state, summary: () => (state.graph ? state.graph.summary() : null) };

function signInView() {
  const id = h('input', { name: 'client_id', placeholder: 'client id (app_id)', autocomplete: 'username' });
  const secret = h('input', { name: 'client_secret', type: 'password', placeholder: 'client secret', autocomplete: 'current-password' });
  const message = h('p', { class: 'form-error' });
  const form = h('form', { class: 'sign-in' }, h('h2', {}, 'Sign in'), h('p', {}, "With an app's credentials (app_id and app_secret)."), id, secret, h('button', { type: 'submit' }, 'Sign in'), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.signIn(id.value.trim(), secret.value);
      start();
    } catch (error) {
      message.textContent = error instanceof ApiError ? error.message : String(error);
    }
  });
  return form;
}

async function start() {
  const main = $('#main');
  if (!api.signedIn) return clear(main, signInView());
  const extensions = await api.get('/client/@me/extension/?type=ivr&per_page=500').catch((error) => {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  });
  if (!extensions) return clear(main, signInView());
  const picker = h('select', { id: 'ivr-picker' }, extensions.map((e) => h('option', { value: e.id }, `${e.name}${e.label ? ' — ' + e.label : ''}`)));
  const tabs = h('nav', { class: 'tabs' }, ['graph', 'calls', 'sounds'].map((tab) => h('button', { dataset: { tab }, onclick: () => showTab(tab) }, tab)));
  clear($('#who'), `client ${api.user.client_id} · ${api.user.access}`, ' ', h('button', { onclick: () => { api.signOut(); start(); } }, 'Sign out'));
  clear(main, h('div', { class: 'toolbar' }, 'IVR ', picker, tabs), h('div', { id: 'view' }));
  picker.addEventListener('change', () => openIvr(Number(picker.value)));
  if (!extensions.length) return clear($('#view'), h('p', {}, 'This client has no IVR extension yet: create one through the API.'));
  await openIvr(Number(picker.value));
}

function showTab(tab) {
  document.querySelectorAll('.tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === tab));
  const view = $('#view');
  if (tab === 'graph') return openIvr(state.ivr ? state.ivr.eid : Number($('#ivr-picker').value));
  if (tab === 'calls') return clear(view, callsView(api, async (eid, trace) => { await openIvr(eid); state.graph.showPath(trace); }));
  return clear(view, soundsView(api));
}

async function openIvr(eid, selection = null) {
  document.querySelectorAll('.tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === 'graph'));
  const picker = $('#ivr-picker');
  if (picker) picker.value = String(eid);
  const canvas = h('div', { id: 'graph' });
  const panel = h('aside', { id: 'panel' });
  const tools = h('div', { id: 'tools' });
  clear($('#view'), h('div', { class: 'graph-view' }, canvas, h('div', { class: 'side' }, panel, tools)));
  state.graph = new IvrGraph(canvas, (data) => select(data));
  const editor = new Editor(panel, api, async (next) => {
    if (next !== undefined) state.selection = next;
    await draw(eid, editor);
  });
  state.selection = selection;
  await draw(eid, editor);
  clear(tools, simulatorPanel(api, eid, state.graph), funnelPanel(api, eid, state.graph));
  function select(data) {
    state.selection = data;
    editor.show(state.ivr, data);
  }
}

async function draw(eid, editor) {
  state.ivr = await loadIvr(api, eid);
  state.graph.show(state.ivr);
  editor.show(state.ivr, state.selection);
  document.body.dataset.loaded = String(Date.now());
}

start().catch((error) => clear($('#main'), h('p', { class: 'form-error' }, String(error))));
