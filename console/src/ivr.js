// Loads one IVR through the API into a plain object the graph and the editor share:
// { eid, settings, contexts: [{...context, options: [{digits, rules: [...]}]}], extensions, sounds, findings }.
export async function loadIvr(api, eid) {
  const [settings, contexts, extensions, sounds, findings] = await Promise.all([
    api.get(`/extension/${eid}/ivr/`),
    api.get(`/extension/${eid}/ivr/context/`),
    api.get('/client/@me/extension/?per_page=500'),
    api.get('/client/@me/sound/'),
    api.get(`/extension/${eid}/ivr/validate`),
  ]);
  await Promise.all(contexts.map(async (context) => {
    const options = await api.get(`/extension/${eid}/ivr/context/${context.id}/options/`);
    context.options = await Promise.all(options.map(async (option) => ({
      digits: option.digits,
      rules: await api.get(`/extension/${eid}/ivr/context/${context.id}/options/${encodeURIComponent(option.digits)}/rules/`),
    })));
  }));
  return { eid, settings, contexts, extensions: listOf(extensions), sounds, findings };
}

function listOf(page) {
  return Array.isArray(page) ? page : (page.extensions || page.items || []);
}

export const BUILT_IN = ['start', 'timeout', 'invalid'];

/** What a transfer destination is: one of the client's phones or IVRs, or an external number. */
export function destinationKind(ivr, destination) {
  const bare = destination.includes('*') ? destination.split('*')[1] : destination;
  const extension = ivr.extensions.find((e) => e.name === destination || e.name.split('*')[1] === bare);
  if (extension) return extension.type;
  return destination.includes('${') ? 'variable' : 'external';
}

/** A rule's destinations: transfer_dst split on spaces, or the variable it reads. */
export function destinationsOf(rule) {
  if (rule.action === 'transfer' || rule.action === 'simple_transfer') {
    return (rule.transfer_dst || '').split(/[\s,]+/).filter(Boolean);
  }
  if (rule.action === 'transfer_from_variable') return ['${' + rule.transfer_variable + '}'];
  return [];
}

/** The rule's conditions in words, or '' when it always runs. */
export function conditionsOf(rule, ivr) {
  const words = [];
  if (rule.interval) words.push('in interval ' + rule.interval);
  if (rule.caller_id_action === 'matches') words.push('caller ~ ' + rule.caller_id);
  if (rule.caller_id_action === 'not_matches') words.push('caller !~ ' + rule.caller_id);
  if (rule.caller_id_action === 'anonymous') words.push('caller anonymous');
  if (rule.match_variable_name) words.push(`${rule.match_variable_name} = ${rule.match_variable_value}`);
  return words.join(', ');
}

/** One line per rule, for labels and lists. */
export function summaryOf(rule, ivr) {
  const sound = (id) => {
    const s = ivr.sounds.find((x) => x.id === id);
    return s ? `"${s.title}"` : `sound ${id}`;
  };
  const condition = conditionsOf(rule, ivr);
  const prefix = condition ? `[if ${condition}] ` : '';
  switch (rule.action) {
    case 'play_sound': return prefix + `play ${sound(rule.sound)} (${rule.sound_type || 'background'})`;
    case 'play_silence': return prefix + `silence ${rule.silence_time} ms`;
    case 'play_digits': return prefix + `say ${rule.digits}`;
    case 'play_digits_from_variable': return prefix + `say \${${rule.play_digits_variable}}`;
    case 'jump_to_context': {
      const target = ivr.contexts.find((c) => c.id === rule.context);
      return prefix + `jump to ${target ? target.name : rule.context}` + (rule.context_option && rule.context_option !== 'start' ? ` / ${rule.context_option}` : '');
    }
    case 'transfer': case 'simple_transfer': return prefix + `transfer ${rule.transfer_dst}`;
    case 'transfer_from_variable': return prefix + `transfer \${${rule.transfer_variable}}`;
    case 'hangup': return prefix + 'hang up';
    case 'set_variable': return prefix + `${rule.set_variable_name} := ${rule.set_variable_value}`;
    case 'record_digits': return prefix + `record ${rule.record_digits_max} digits → ${rule.record_digits_variable}`;
    case 'call_interactive': return prefix + `${rule.call_interactive_method} ${rule.call_interactive_url}`;
    case 'set_caller_id_number': return prefix + `caller number := ${rule.caller_id_number}`;
    case 'set_caller_id_name': return prefix + `caller name := ${rule.caller_id_name}`;
    case 'quality_rate': return prefix + `rating 1..${rule.max_rate}`;
    case 'voice_helper': return prefix + 'voice: ' + (rule.voice_helper_rules || []).map((r) => `${r.transcription}→${r.to_option}`).join(', ');
    default: return prefix + rule.action;
  }
}
