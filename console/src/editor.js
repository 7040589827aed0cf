// The side panel: what is selected on the graph, and forms that edit it through the API.
// Every edit is one API call; its problem+json errors are shown next to the fields they name.
import { h, clear } from './dom.js';
import { ApiError } from './api.js';
import { BUILT_IN, summaryOf } from './ivr.js';

// The fields each action's form shows (api.md §7); conditions are shown for every action.
const FIELDS = {
  play_sound: ['sound', 'sound_type', 'play_sound_from_variable'],
  play_silence: ['silence_time'],
  play_digits: ['digits', 'play_digits_method'],
  play_digits_from_variable: ['play_digits_variable', 'play_digits_method'],
  jump_to_context: ['context', 'context_option'],
  transfer: ['transfer_dst'],
  simple_transfer: ['transfer_dst'],
  transfer_from_variable: ['transfer_variable'],
  hangup: [],
  set_variable: ['set_variable_name', 'set_variable_value'],
  record_digits: ['record_digits_variable', 'record_digits_max', 'record_digits_sound'],
  call_interactive: ['call_interactive_url', 'call_interactive_method', 'call_interactive_timeout'],
  set_caller_id_number: ['caller_id_number'],
  set_caller_id_name: ['caller_id_name'],
  quality_rate: ['sound', 'max_rate', 'play_sound_from_variable'],
  voice_helper: ['sound', 'voice_helper_rules', 'voice_helper_timeout', 'voice_helper_digits_max', 'voice_helper_final_count', 'voice_helper_classic_term', 'play_sound_from_variable'],
};
const CONDITIONS = ['interval', 'caller_id_action', 'caller_id', 'match_variable_name', 'match_variable_value'];
const CHOICES = {
  sound_type: ['background', 'foreground'],
  play_digits_method: ['digits', 'number'],
  call_interactive_method: ['GET', 'POST'],
  caller_id_action: ['any', 'matches', 'not_matches', 'anonymous'],
};
const BOOLEANS = ['play_sound_from_variable', 'voice_helper_classic_term'];
const NUMBERS = ['silence_time', 'record_digits_max', 'call_interactive_timeout', 'max_rate', 'voice_helper_timeout', 'voice_helper_digits_max', 'voice_helper_final_count', 'interval'];
const SOUNDS = ['sound', 'record_digits_sound'];

export class Editor {
  constructor(panel, api, reload) {
    this.panel = panel;
    this.api = api;
    this.reload = reload; // reloads the IVR and redraws, keeping the selection
  }

  show(ivr, selection) {
    this.ivr = ivr;
    if (!selection) return clear(this.panel, this.overview());
    if (selection.kind === 'context') return clear(this.panel, this.contextPanel(ivr.contexts.find((c) => c.id === selection.context)));
    if (selection.kind === 'option') {
      const context = ivr.contexts.find((c) => c.id === selection.context);
      return clear(this.panel, this.optionPanel(context, context.options.find((o) => o.digits === selection.digits)));
    }
    return clear(this.panel, h('h3', {}, 'Transfer to ' + selection.destination), h('p', {}, 'A destination of a transfer rule: a phone rings its registered devices, an IVR runs on the same call, anything else goes out through the trunk.'));
  }

  overview() {
    const form = this.form([['name', 'text', '']], async (values) => {
      await this.api.post(`/extension/${this.ivr.eid}/ivr/context/`, { name: values.name });
      await this.reload();
    }, 'Add context');
    const findings = this.ivr.findings.map((f) => h('li', { class: f.severity }, h('b', {}, f.severity), ' ', f.path, ': ', f.message));
    return [
      h('h3', {}, 'IVR ' + this.ivr.eid),
      h('p', {}, 'Click a context or an option to see and edit it.'),
      h('h4', {}, 'Validator'),
      findings.length ? h('ul', { class: 'findings' }, findings) : h('p', { class: 'ok' }, 'No findings.'),
      this.readOnlyNote() || [h('h4', {}, 'New context'), form],
    ];
  }

  contextPanel(context) {
    const eid = this.ivr.eid;
    const base = `/extension/${eid}/ivr/context/${context.id}`;
    const settings = this.form([
      ['name', 'text', context.name], ['timeout', 'number', context.timeout], ['inter_digit_timeout', 'number', context.inter_digit_timeout],
      ['digit_len', 'number', context.digit_len], ['allow_any_dial', 'checkbox', context.allow_any_dial],
    ], async (values) => { await this.api.put(base, values); await this.reload(); }, 'Save context');
    const addOption = this.form([['digits', 'text', '']], async (values) => {
      await this.api.post(`${base}/options/`, { digits: values.digits });
      await this.reload({ kind: 'option', context: context.id, digits: values.digits });
    }, 'Add option');
    const actions = h('div', { class: 'buttons' },
      h('button', { onclick: () => this.run(async () => { await this.api.put(`/extension/${eid}/ivr/`, { entry_context: context.id }); await this.reload(); }) }, 'Make entry context'),
      h('button', { class: 'danger', onclick: () => this.run(async () => { await this.api.del(base); await this.reload(null); }) }, 'Delete context'));
    return [h('h3', {}, 'Context ' + context.name + ' (' + context.id + ')'), this.readOnlyNote() || [settings, h('h4', {}, 'New option'), addOption, actions], this.errorBox()];
  }

  optionPanel(context, option) {
    const base = `/extension/${this.ivr.eid}/ivr/context/${context.id}/options/${encodeURIComponent(option.digits)}`;
    const readOnly = this.readOnlyNote();
    const rules = option.rules.map((rule, index) => h('li', { class: 'rule', dataset: { rule: rule.id } },
      h('span', {}, summaryOf(rule, this.ivr)),
      readOnly ? null : h('span', { class: 'buttons' },
        h('button', { title: 'move up', disabled: index === 0, onclick: () => this.move(base, option, index, -1) }, '↑'),
        h('button', { title: 'move down', disabled: index === option.rules.length - 1, onclick: () => this.move(base, option, index, 1) }, '↓'),
        h('button', { class: 'edit', onclick: () => this.editRule(base, rule) }, 'Edit'),
        h('button', { class: 'danger', onclick: () => this.run(async () => { await this.api.del(`${base}/rules/${rule.id}`); await this.reload(); }) }, 'Delete'))));
    this.ruleSlot = h('div', { class: 'rule-form' });
    return [
      h('h3', {}, `Option ${option.digits} of ${context.name}`),
      h('ol', { class: 'rules' }, rules),
      readOnly || [
        h('div', { class: 'buttons' },
          h('button', { class: 'add-rule', onclick: () => this.editRule(base, { action: 'play_sound' }) }, 'Add rule'),
          BUILT_IN.includes(option.digits) ? null : h('button', { class: 'danger', onclick: () => this.run(async () => { await this.api.del(base); await this.reload(null); }) }, 'Delete option')),
        this.ruleSlot],
      this.errorBox(),
    ];
  }

  editRule(base, rule) {
    const render = (action) => {
      const draft = { ...rule, action };
      const fields = ['action', ...FIELDS[action], ...CONDITIONS].map((name) => [name, kindOf(name), draft[name]]);
      const form = this.form(fields, async (values) => {
        const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== null));
        if (rule.id) await this.api.put(`${base}/rules/${rule.id}`, body);
        else await this.api.post(`${base}/rules/`, body);
        await this.reload();
      }, rule.id ? 'Save rule' : 'Create rule');
      form.querySelector('[name=action]').addEventListener('change', (event) => render(event.target.value));
      clear(this.ruleSlot, h('h4', {}, rule.id ? 'Rule ' + rule.id : 'New rule'), form);
    };
    render(rule.action);
  }

  async move(base, option, index, delta) {
    const order = option.rules.map((r) => r.id);
    [order[index], order[index + delta]] = [order[index + delta], order[index]];
    await this.run(async () => { await this.api.put(`${base}/rules/order/`, { order }); await this.reload(); });
  }

  /** A form of [name, kind, value] fields; submit calls save(values), showing the API's errors. */
  form(fields, save, label) {
    const inputs = fields.map(([name, kind, value]) => {
      const input = this.input(name, kind, value);
      return h('label', { class: 'field', dataset: { field: name } }, h('span', {}, name), input, h('small', { class: 'error' }));
    });
    const form = h('form', {}, inputs, h('button', { type: 'submit' }, label), h('p', { class: 'form-error' }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      form.querySelectorAll('.error, .form-error').forEach((e) => { e.textContent = ''; });
      const values = {};
      for (const [name, kind] of fields) values[name] = readInput(form.querySelector(`[name="${name}"]`), kind);
      try {
        await save(values);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        form.querySelector('.form-error').textContent = error.message;
        for (const [name] of fields) {
          const message = error.forField(name);
          if (message) form.querySelector(`[data-field="${name}"] .error`).textContent = message;
        }
      }
    });
    return form;
  }

  input(name, kind, value) {
    if (name === 'action') return h('select', { name }, Object.keys(FIELDS).map((a) => h('option', { value: a, selected: a === value }, a)));
    if (SOUNDS.includes(name)) return h('select', { name }, h('option', { value: '' }, '—'), this.ivr.sounds.map((s) => h('option', { value: s.id, selected: s.id === value }, `${s.title} (${s.id})`)));
    if (name === 'context') return h('select', { name }, this.ivr.contexts.map((c) => h('option', { value: c.id, selected: c.id === value }, `${c.name} (${c.id})`)));
    if (CHOICES[name]) return h('select', { name }, h('option', { value: '' }, '—'), CHOICES[name].map((c) => h('option', { value: c, selected: c === value }, c)));
    if (kind === 'checkbox') return h('input', { type: 'checkbox', name, checked: !!value });
    if (kind === 'json') return h('textarea', { name, rows: 3 }, value ? JSON.stringify(value) : '');
    return h('input', { type: kind, name, value: value ?? '' });
  }

  errorBox() {
    this.errors = h('p', { class: 'form-error' });
    return this.errors;
  }

  async run(action) {
    try {
      await action();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (this.errors) this.errors.textContent = error.message;
    }
  }

  readOnlyNote() {
    return this.api.readOnly ? h('p', { class: 'read-only' }, 'This app has read-only access: you can look, not edit.') : null;
  }
}

function kindOf(name) {
  if (BOOLEANS.includes(name)) return 'checkbox';
  if (NUMBERS.includes(name) || SOUNDS.includes(name) || name === 'context') return 'number';
  if (name === 'voice_helper_rules') return 'json';
  return 'text';
}

function readInput(input, kind) {
  if (kind === 'checkbox') return input.checked;
  const text = input.value.trim();
  if (text === '') return null;
  if (kind === 'number') return Number.isFinite(Number(text)) ? Number(text) : text;
  if (kind === 'json') {
    try { return JSON.parse(text); } catch { return text; }
  }
  return text;
}
