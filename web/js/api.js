// Every API call goes through here: JSON in and out, the bearer token when the server wants one, errors as
// exceptions carrying the server's message.

const tokenKey = 'calabi.token';
let asking;

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

function headers(extra = {}) {
  const token = sessionStorage.getItem(tokenKey);
  return token ? { ...extra, authorization: `Bearer ${token}` } : extra;
}

/** Shows the token dialog once (concurrent callers share it) and stores the answer for this tab. */
function askToken() {
  asking ??= new Promise((resolve) => {
    const dialog = document.getElementById('token-dialog');
    const input = document.getElementById('token-input');
    dialog.addEventListener('close', () => {
      if (input.value) sessionStorage.setItem(tokenKey, input.value);
      input.value = '';
      asking = undefined;
      resolve();
    }, { once: true });
    dialog.showModal();
    input.focus();
  });
  return asking;
}

/** `text`: a body already in JSON (a Terraform plan file), sent as it is. */
export async function request(path, { method = 'GET', body, raw = false, text } = {}) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(path, {
      method,
      headers: headers(body === undefined && text === undefined ? {} : { 'content-type': 'application/json' }),
      body: text ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    if (res.status === 401 && attempt < 3) {
      sessionStorage.removeItem(tokenKey);
      await askToken();
      continue;
    }
    if (raw && res.ok) return res;
    const data = await res.json().catch(() => null);
    if (!res.ok) throw new ApiError(res.status, data);
    return data;
  }
}

export const api = {
  get: (path) => request(path),
  post: (path, body) => request(path, { method: 'POST', body }),
};

/**
 * Reads a server-sent-events stream with fetch (EventSource cannot send the Authorization header) and calls
 * onEvent(name, data) for each event until the stream ends.
 */
export async function streamEvents(path, onEvent) {
  const res = await request(path, { raw: true });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(event, JSON.parse(data.join('\n')));
    }
  }
}
