// Calls the system's API through the gateway (same origin) with the department's key. The key
// lives in sessionStorage only: it goes away with the tab and never appears in a URL.

const KEY_STORAGE = 'safety-credit.api-key';
/** Longer than the gateway's own response timeout (15 s), so the gateway's 503 arrives first. */
const TIMEOUT_MS = 30_000;

export function storedKey() {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function storeKey(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY_STORAGE);
}

/** An error answer of the API: the RFC 9457 problem, with the fields it names. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** `field: reason` for each invalid field, or the detail when the problem names none. */
  lines() {
    const errors = this.problem.errors || [];
    if (errors.length === 0) {
      return [this.message];
    }
    return errors.map((e) => (e.field ? `${e.field}：${e.reason}` : e.reason));
  }
}

async function call(method, path, { body, key = storedKey(), headers = {}, raw = false } = {}) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json', ...headers } };
  if (key) {
    init.headers['X-Api-Key'] = key;
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  init.signal = AbortSignal.timeout(TIMEOUT_MS);
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === 'TimeoutError') {
      throw new ApiProblem(0, { title: '请求超时', detail: `服务器 ${TIMEOUT_MS / 1000} 秒内未答复，请稍后重试。` });
    }
    throw new ApiProblem(0, { title: '网络错误', detail: '无法连接服务器，请稍后重试。' });
  }
  if (!response.ok) {
    let problem;
    try {
      problem = await response.json();
    } catch (e) {
      problem = { title: `HTTP ${response.status}`, detail: response.statusText };
    }
    if (response.status === 429 || response.status === 503) {
      const retry = response.headers.get('Retry-After');
      if (retry) {
        problem.detail = `${problem.detail || ''}（请 ${retry} 秒后重试）`;
      }
    }
    throw new ApiProblem(response.status, problem);
  }
  if (raw) {
    return response;
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const api = {
  get: (path, options) => call('GET', path, options),
  post: (path, body, options = {}) => call('POST', path, { ...options, body }),
  put: (path, body, options = {}) => call('PUT', path, { ...options, body }),
  del: (path, options) => call('DELETE', path, options),
  raw: (path, options = {}) => call('GET', path, { ...options, raw: true }),
};

/** Builds a query string from the defined, non-empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
