// The console's shell: sign-in with the department's API key, the menu of what its roles may do,
// and a hash router (#/page/arg) so that reloading a page keeps it and nothing reaches the server
// in a URL but the API calls themselves.

import { api, forgetKey, storeKey, storedKey } from './api.js';
import { field, h, problemBox, render, withButton } from './ui.js';
import * as publicPages from './pages/public.js';
import * as approval from './pages/approval.js';
import * as enforcement from './pages/enforcement.js';
import * as admin from './pages/admin.js';
import * as partner from './pages/partner.js';

/** Menu entries: [hash, title, role needed (one of several; none: public)]. */
const MENU = [
  ['#/public', '失信名单公示', null],
  ['#/check', '审批核查', 'APPROVAL'],
  ['#/enforcement/record', '录入处罚', 'ENFORCEMENT'],
  ['#/enforcement/listings', '我的列入', 'ENFORCEMENT'],
  ['#/admin/queues', '修复与异议', 'ADMIN'],
  ['#/admin/listings', '全部列入', 'ADMIN'],
  ['#/admin/deliveries', '投递看板', 'ADMIN'],
  ['#/admin/departments', '部门与密钥', 'ADMIN'],
  ['#/enforcement/follow-ups', '案件回访', ['ENFORCEMENT', 'ADMIN']],
  ['#/inbox', '惩戒通知', 'PARTNER'],
];

const ROUTES = {
  public: [null, publicPages.show],
  'sign-in': [null, showSignIn],
  check: ['APPROVAL', approval.show],
  enforcement: [['ENFORCEMENT', 'ADMIN'], enforcement.show],
  listing: [['ENFORCEMENT', 'ADMIN'], enforcement.showListing],
  admin: ['ADMIN', admin.show],
  inbox: ['PARTNER', partner.show],
};

const ROLE_NAMES = { ADMIN: '信用办', APPROVAL: '审批', ENFORCEMENT: '执法', PARTNER: '联合惩戒成员' };

let caller = null;

async function loadCaller() {
  if (!storedKey()) {
    caller = null;
    return;
  }
  try {
    caller = await api.get('/api/v1/me');
  } catch (error) {
    caller = null;
    if (error.status === 401) {
      forgetKey();
    }
  }
}

function hasRole(role) {
  if (!role) {
    return true;
  }
  const roles = Array.isArray(role) ? role : [role];
  return caller !== null && roles.some((r) => caller.roles.includes(r));
}

function renderShell() {
  const nav = document.getElementById('nav');
  nav.replaceChildren(...MENU.filter(([, , role]) => hasRole(role))
    .map(([hash, title]) => h('a', { href: hash, 'aria-current': location.hash.startsWith(hash) ? 'page' : null }, title)));
  const who = document.getElementById('who');
  const signOut = document.getElementById('sign-out');
  const signInLink = document.getElementById('sign-in-link');
  if (caller) {
    who.textContent = `${caller.department}（${caller.roles.map((r) => ROLE_NAMES[r] || r).join('、')}）`;
    who.hidden = false;
    signOut.hidden = false;
    signInLink.hidden = true;
  } else {
    who.hidden = true;
    signOut.hidden = true;
    signInLink.hidden = false;
  }
}

function homeHash() {
  const first = MENU.find(([, , role]) => role && hasRole(role));
  return first ? first[0] : '#/public';
}

/**
 * Navigations run one after another: a page that is still loading finishes (or fails) before the
 * next one renders, so a slow earlier page can never paint over the one the person went to. API
 * calls time out (api.js), so a navigation never waits for ever.
 */
let navigation = Promise.resolve();
function route() {
  navigation = navigation.then(showCurrentPage, showCurrentPage);
  return navigation;
}

async function showCurrentPage() {
  const [name = '', ...args] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  renderShell();
  if (!name) {
    location.replace(caller ? homeHash() : '#/public');
    return;
  }
  const entry = ROUTES[name];
  if (!entry) {
    render(h('h1', {}, '页面不存在'), h('p', {}, h('a', { href: homeHash() }, '返回首页')));
    return;
  }
  const [role, show] = entry;
  if (role && !caller) {
    showSignIn({ after: location.hash });
    return;
  }
  if (!hasRole(role)) {
    render(h('h1', {}, '无权访问'), h('p', {}, `本部门（${caller.department}）没有访问此页面的角色。`));
    return;
  }
  try {
    await show({ caller, hasRole, args });
  } catch (error) {
    render(h('h1', {}, '页面加载失败'), problemBox(error));
  }
  document.getElementById('main').focus({ preventScroll: true });
}

function showSignIn({ after } = {}) {
  const key = h('input', { type: 'password', name: 'api-key', autocomplete: 'off', required: true, spellcheck: 'false' });
  const messages = h('div');
  const submit = h('button', { type: 'submit' }, '登录');
  const form = h('form', { class: 'card narrow', onsubmit: (event) => {
    event.preventDefault();
    withButton(submit, messages, async () => {
      const candidate = key.value.trim();
      if (!candidate) {
        throw new Error('请输入本部门的 API 密钥。');
      }
      // Signing in replaces whoever was signed in in this tab, also when the new key is refused.
      forgetKey();
      caller = null;
      renderShell();
      const me = await api.get('/api/v1/me', { key: candidate });
      storeKey(candidate);
      caller = me;
      const target = after && after !== '#/sign-in' ? after : homeHash();
      if (location.hash === target) {
        route();
      } else {
        location.hash = target;
      }
    });
  } },
  h('h1', {}, '部门登录'),
  h('p', {}, '请输入信用办发放给本部门的 API 密钥。密钥只保存在本浏览器标签页中，关闭即清除。'),
  field('API 密钥', key),
  submit,
  messages);
  render(form);
  key.focus();
}

document.getElementById('sign-out').addEventListener('click', () => {
  forgetKey();
  caller = null;
  if (location.hash === '#/public') {
    route();
  } else {
    location.hash = '#/public';
  }
});

window.addEventListener('hashchange', route);
window.addEventListener('console:reload', route);
await loadCaller();
route();
