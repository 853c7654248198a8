// Small DOM helpers. Text always goes in as text (textContent), never as HTML, so nothing a
// department or the public typed can run as script in another person's browser.

/** Creates an element: h('p', {class: 'note'}, 'text', child, ...). Attributes starting with "on" are listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Shows the current page again, e.g. after an action changed what it lists. Goes through the
 * shell's navigation queue (app.js), so if the person has moved on meanwhile, it is the page they
 * are on now that is shown, never the old one painted over it.
 */
export function reloadPage() {
  window.dispatchEvent(new CustomEvent('console:reload'));
}

/** Prints one element alone (with its closed details opened), as the receipt of a check. */
export function printOnly(element) {
  const closed = [...element.querySelectorAll('details:not([open])')];
  closed.forEach((details) => { details.open = true; });
  element.classList.add('print-target');
  document.body.classList.add('printing');
  try {
    window.print();
  } finally {
    document.body.classList.remove('printing');
    element.classList.remove('print-target');
    closed.forEach((details) => { details.open = false; });
  }
}

/** Replaces the content of the page's main area. */
export function render(...children) {
  const main = document.getElementById('main');
  main.replaceChildren();
  append(main, children);
}

/** A table: columns are [header, (row) => cell content]. */
export function table(rows, columns, { empty = '暂无记录', caption } = {}) {
  if (!rows || rows.length === 0) {
    return h('p', { class: 'empty' }, empty);
  }
  return h('table', {},
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map(([header]) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map(([, cell]) => h('td', {}, cell(row)))))));
}

/** A labelled form field; the input gets an id so the label is tied to it. */
let fieldCounter = 0;
export function field(label, input, hint) {
  const id = input.id || `f${++fieldCounter}`;
  input.id = id;
  const message = h('span', { class: 'field-message', id: `${id}-message`, 'aria-live': 'polite' });
  input.setAttribute('aria-describedby', message.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('span', { class: 'hint' }, hint) : null, message);
}

/** Shows (or clears) the message under a field made with field(). */
export function fieldMessage(input, text, kind = 'error') {
  const message = document.getElementById(`${input.id}-message`);
  if (message) {
    message.textContent = text || '';
    message.className = `field-message ${text ? kind : ''}`;
  }
  input.setAttribute('aria-invalid', text && kind === 'error' ? 'true' : 'false');
}

/** A box telling what went wrong, naming each rejected field. */
export function problemBox(error) {
  const lines = typeof error.lines === 'function' ? error.lines() : [error.message || String(error)];
  const title = error.problem?.title || '操作未完成';
  return h('div', { class: 'problem', role: 'alert' }, h('strong', {}, title), h('ul', {}, lines.map((line) => h('li', {}, line))));
}

/** Runs an async action for a button: disables it meanwhile and shows a problem in `into`. */
export async function withButton(button, into, action) {
  button.disabled = true;
  if (into) {
    into.replaceChildren();
  }
  try {
    return await action();
  } catch (error) {
    if (into) {
      into.replaceChildren(problemBox(error));
    } else {
      toast(error.message, 'error');
    }
    return undefined;
  } finally {
    button.disabled = false;
  }
}

/** A button that runs an async action with withButton: disabled meanwhile, problems shown in `into`. */
export function actionButton(text, into, action, { kind } = {}) {
  const button = h('button', { type: 'button', class: kind }, text);
  button.addEventListener('click', () => withButton(button, into, action));
  return button;
}

let toastTimer;
export function toast(text, kind = 'ok') {
  const box = document.getElementById('toast');
  box.textContent = text;
  box.className = `visible ${kind}`;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.className = ''; }, 4000);
}

export function badge(text, kind) {
  return h('span', { class: `badge ${kind || String(text).toLowerCase()}` }, text);
}

/** A date or instant as the clerk reads it (Asia/Shanghai). */
export function when(value) {
  if (!value) {
    return '—';
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return value;
  }
  return new Date(value).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export function today() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** Offers text or a Blob as a file download (a receipt, a CSV). */
export function download(filename, content, type = 'application/json') {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const link = h('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A progress bar with a label: set(done, total). */
export function progress(label) {
  const bar = h('progress', { max: 1, value: 0 });
  const text = h('span', {}, '');
  const box = h('div', { class: 'progress', role: 'group', 'aria-label': label }, h('span', {}, label), bar, text);
  return {
    element: box,
    set(done, total) {
      bar.max = total;
      bar.value = done;
      text.textContent = `${done} / ${total}`;
    },
  };
}

export const labels = {
  status: { CLEAR: '未列入', LISTED: '已列入', PROPOSED: '拟列入' },
  state: {
    PROPOSED: '拟列入', NOTIFIED: '已告知', LISTED: '已列入', DROPPED: '不予列入', EXPIRED: '期满移出',
    REPAIRED: '信用修复移出', REVOKED: '撤销', RESTORED: '恢复列入',
  },
  subjectType: { UNIT: '单位', PERSON: '个人' },
  kind: { SANCTION_START: '惩戒发起', SANCTION_END: '惩戒解除' },
  delivery: {
    QUEUED: '排队中', IN_FLIGHT: '发送中', DELIVERED: '已送达', REJECTED: '被拒收', DEAD: '投递失败', PULL: '待部门拉取',
  },
  responsibility: { PRINCIPAL: '主要负责人', OTHER: '其他责任人' },
  // 《生产安全事故报告和调查处理条例》第三条
  accidentGrade: { GENERAL: '一般', LARGER: '较大', MAJOR: '重大', ESPECIALLY_MAJOR: '特别重大' },
  // How the facts stand to a criterion (issue 12: facts decide the criterion).
  criterionOutcome: { MET: '符合', FINDING_REQUIRED: '须处罚决定认定', COUNTING: '累计中', EXCLUDED: '不适用' },
  outcome: { APPLIED: '已实施', LIFTED: '已解除', NOT_APPLICABLE: '不适用' },
  source: { cache: '缓存', database: '数据库', history: '历史记录' },
  // Why notices are no longer pushed to a department's endpoint (sanction-service, endpoint state).
  endpointReason: { GONE: '接收地址已注销（HTTP 410）', FAILING: '持续投递失败', ADMIN: '信用办停用' },
};

/**
 * A department's endpoint state: notices pushed (with failures since when, if any), or not pushed
 * and why since when, or a department that reads its notices itself. {@code endpoint} is the
 * endpoint state of sanction-service; {@code pushes} whether the department has an endpoint.
 */
export function endpointState(endpoint, pushes) {
  if (!pushes) {
    return h('span', { class: 'endpoint-state', 'data-endpoint': 'pull' }, badge('自行拉取', 'pull'));
  }
  if (!endpoint || endpoint.enabled) {
    return h('span', { class: 'endpoint-state', 'data-endpoint': 'enabled' }, badge('推送中', 'delivered'),
      endpoint?.failingSince ? badge(`${when(endpoint.failingSince)} 起投递失败`, 'queued') : '',
      endpoint?.lastSuccessAt ? h('span', { class: 'meta' }, `最近送达 ${when(endpoint.lastSuccessAt)}`) : '');
  }
  return h('span', { class: 'endpoint-state', 'data-endpoint': 'disabled', 'data-reason': endpoint.disabledReason },
    badge('已停止推送', 'dead'), `${label('endpointReason', endpoint.disabledReason)} · ${when(endpoint.disabledAt)} 起`);
}

export function label(group, value) {
  return labels[group]?.[value] || value || '—';
}
