// The console talks to Tonal only through its public REST API (api.md), with the token of the
// app the user signed in with. Errors are the API's problem documents: `message`, and per-field
// `errors` that the forms show next to their fields.
const ROOT = '/api/ver1.0';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.message || problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.errors = problem.errors || [];
  }

  /** The message for one field, e.g. "sound" or "rules[0].sound" ends with it. */
  forField(field) {
    const hit = this.errors.find((e) => e.field === field || e.field.endsWith('.' + field));
    return hit ? hit.message : null;
  }
}

export class Api {
  constructor() {
    this.token = sessionStorage.getItem('tonal.token');
    this.user = JSON.parse(sessionStorage.getItem('tonal.user') || 'null');
  }

  get signedIn() {
    return !!this.token;
  }

  get readOnly() {
    return this.user && this.user.access === 'read_only';
  }

  async signIn(clientId, clientSecret) {
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    const response = await fetch('/oauth/token', { method: 'POST', body });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError(response.status, json);
    this.token = json.access_token;
    sessionStorage.setItem('tonal.token', this.token);
    this.user = await this.get('/user/');
    sessionStorage.setItem('tonal.user', JSON.stringify(this.user));
  }

  signOut() {
    this.token = null;
    this.user = null;
    sessionStorage.removeItem('tonal.token');
    sessionStorage.removeItem('tonal.user');
  }

  async request(method, path, body) {
    const headers = { Authorization: 'Bearer ' + this.token };
    let payload;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(ROOT + path, { method, headers, body: payload });
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    const json = type.includes('json') ? await response.json() : null;
    if (!response.ok) {
      if (response.status === 401) this.signOut();
      throw new ApiError(response.status, json || {});
    }
    return json;
  }

  get(path) { return this.request('GET', path); }
  post(path, body) { return this.request('POST', path, body); }
  put(path, body) { return this.request('PUT', path, body); }
  del(path) { return this.request('DELETE', path); }

  /** A binary resource (a sound's WAV) as an object URL the page can play. */
  async blobUrl(path) {
    const response = await fetch(ROOT + path, { headers: { Authorization: 'Bearer ' + this.token } });
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
    return URL.createObjectURL(await response.blob());
  }
}
