// The client's sounds: upload (multipart, as api.md §3), play in the browser, delete.
import { h, clear } from './dom.js';
import { ApiError } from './api.js';

export function soundsView(api) {
  const list = h('div', { class: 'sound-list' });
  const message = h('p', { class: 'form-error' });
  const title = h('input', { name: 'title', placeholder: 'title' });
  const file = h('input', { name: 'file', type: 'file', accept: '.wav,.mp3,audio/*' });
  const player = h('audio', { controls: true });
  const refresh = async () => {
    const sounds = await api.get('/client/@me/sound/');
    clear(list, h('table', { class: 'sounds-table' }, h('tbody', {}, sounds.map((s) => h('tr', { dataset: { sound: s.id } },
      h('td', {}, s.id), h('td', {}, s.title), h('td', {}, s.filename), h('td', {}, (s.duration_ms / 1000).toFixed(1) + ' s'),
      h('td', {}, h('button', { class: 'play', onclick: () => play(s) }, '▶ Play')),
      api.readOnly ? null : h('td', {}, h('button', { class: 'danger', onclick: () => remove(s) }, 'Delete')))))));
  };
  const play = async (sound) => {
    player.src = await api.blobUrl(`/client/@me/sound/${sound.id}/file`);
    player.play().catch(() => {});
  };
  const remove = async (sound) => guard(async () => { await api.del(`/client/@me/sound/${sound.id}`); await refresh(); });
  const upload = async () => guard(async () => {
    const body = new FormData();
    body.append('title', title.value);
    if (file.files[0]) body.append('file', file.files[0]);
    await api.post('/client/@me/sound/', body);
    title.value = '';
    file.value = '';
    await refresh();
  });
  const guard = async (action) => {
    message.textContent = '';
    try { await action(); } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      message.textContent = error.message;
    }
  };
  refresh();
  return h('div', { class: 'sounds' }, list, player,
    api.readOnly ? null : h('div', { class: 'upload' }, h('h4', {}, 'Upload a sound (WAV or MP3)'), title, file, h('button', { onclick: upload }, 'Upload')),
    message);
}
