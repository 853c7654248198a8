// The credit office (ADMIN): repair and objection queues, every listing, the delivery dashboard
// of the joint-sanction notices (with replay), and the partner departments' endpoints and keys.

import { api, query } from '../api.js';
import {
  actionButton, badge, download, endpointState, field, h, label, reloadPage, render, table, toast, when, withButton,
} from '../ui.js';
import { showListings } from './enforcement.js';
import { historyChart } from '../chart.js';

export async function show(context) {
  const [section = 'queues'] = context.args;
  switch (section) {
    case 'listings': return showListings(context);
    case 'deliveries': return showDeliveries();
    case 'departments': return showDepartments();
    default: return showQueues();
  }
}

// --- repair and objection queues ------------------------------------------------------------------

async function showQueues() {
  const [repairs, objections] = await Promise.all([api.get('/api/v1/repairs?state=PENDING'), api.get('/api/v1/objections')]);
  render(h('h1', {}, '信用修复与异议'),
    h('h2', {}, `待审核的信用修复申请（${repairs.length}）`),
    h('div', { id: 'repairs' }, repairs.length === 0 ? h('p', { class: 'empty' }, '没有待审核的申请') : repairs.map(repairCard)),
    h('h2', {}, `待答复的异议（${objections.length}）`),
    h('div', { id: 'objections' }, objections.length === 0 ? h('p', { class: 'empty' }, '没有待答复的异议') : objections.map(objectionCard)));
}

function repairCard(repair) {
  const reason = h('textarea', { name: 'reason', rows: 2, maxlength: 1000, 'aria-label': `修复申请 ${repair.id} 审核意见` });
  const messages = h('div');
  const decide = (path, text) => actionButton(text, messages, async () => {
    await api.post(`/api/v1/repairs/${repair.id}/${path}`, { reason: reason.value.trim() });
    toast(path === 'approval' ? '已同意修复，移出名单' : '已驳回');
    reloadPage();
  }, { kind: path === 'rejection' ? 'secondary' : null });
  const conditions = { penaltyFulfilled: '履行处罚', rectified: '完成整改', creditCommitment: '信用承诺', trainingCompleted: '参加培训' };
  return h('article', { class: 'card', 'data-repair': repair.id },
    h('h3', {}, h('a', { href: `#/listing/${repair.listingId}` }, `列入记录 #${repair.listingId}`), ` 的修复申请 #${repair.id}`),
    h('p', {}, Object.entries(conditions).map(([key, text]) => badge(`${repair[key] ? '✓' : '✗'} ${text}`, repair[key] ? 'clear' : 'dead'))),
    h('p', { class: 'meta' }, `申请：${repair.appliedBy} · ${when(repair.appliedAt)} · 材料：${repair.evidence || '—'}`),
    field('审核意见', reason), h('div', { class: 'actions' }, decide('approval', '同意修复'), decide('rejection', '驳回')), messages);
}

function objectionCard(view) {
  const objection = view.objection;
  const answer = h('textarea', { name: 'answer', rows: 2, maxlength: 2000, 'aria-label': `异议 ${objection.id} 答复` });
  const outcome = h('select', { name: 'outcome', 'aria-label': `异议 ${objection.id} 结论` },
    h('option', { value: 'REJECTED' }, '异议不成立'), h('option', { value: 'UPHELD' }, '异议成立'));
  const messages = h('div');
  const submit = h('button', { type: 'submit' }, '答复');
  return h('form', { class: 'card', 'data-objection': objection.id, onsubmit: (event) => {
    event.preventDefault();
    withButton(submit, messages, async () => {
      await api.post(`/api/v1/objections/${objection.id}/answer`, { answer: answer.value.trim(), outcome: outcome.value });
      toast('已答复');
      reloadPage();
    });
  } },
  h('h3', {}, h('a', { href: `#/listing/${objection.listingId}` }, `列入记录 #${objection.listingId}`), ` 的异议 #${objection.id}`,
    view.overdue ? badge('已超期', 'dead') : ''),
  h('p', {}, `${objection.filedBy}：${objection.content}`),
  h('p', { class: 'meta' }, `登记：${objection.recordedBy} · ${when(objection.filedAt)} · 答复期限 ${objection.answerDue}`),
  field('答复', answer), field('结论', outcome), submit, messages);
}

// --- delivery dashboard ---------------------------------------------------------------------------

async function showDeliveries() {
  const [summary, overdue, flagged, history, departments] = await Promise.all([
    api.get('/api/v1/notices/delivery-summary'),
    api.get('/api/v1/notices/overdue?limit=1000'),
    api.get('/api/v1/notices/flagged?limit=200'),
    api.get('/api/v1/notices/delivery-history?days=30'),
    api.get('/api/v1/departments'),
  ]);
  const departmentBy = Object.fromEntries(departments.map((d) => [d.code, d]));
  const overdueBy = {};
  for (const notice of overdue) {
    overdueBy[notice.department] = (overdueBy[notice.department] || 0) + 1;
  }
  const messages = h('div');
  render(h('h1', {}, '联合惩戒通知投递看板'), messages,
    h('section', { class: 'card' }, h('h2', {}, '近 30 天'), historyChart(history)),
    table(summary, [
      ['成员单位', (d) => d.department],
      ['排队', (d) => d.queued + d.inFlight],
      ['已送达', (d) => d.delivered],
      ['待拉取', (d) => d.pull],
      ['已响应', (d) => d.acknowledged],
      ['已反馈', (d) => d.answered],
      ['反馈逾期', (d) => (overdueBy[d.department] ? badge(String(overdueBy[d.department]), 'dead') : 0)],
      ['投递失败', (d) => (d.dead ? badge(String(d.dead), 'dead') : 0)],
      ['被拒收', (d) => d.rejected],
      ['推送', (d) => (departmentBy[d.department]
        ? endpointState(departmentBy[d.department].endpoint, Boolean(departmentBy[d.department].endpointUrl)) : '—')],
      ['熔断器', (d) => d.circuitBreaker || '—'],
      ['最近送达', (d) => when(d.lastDeliveredAt)],
      ['', (d) => (d.dead ? replayDeadButton(d.department, messages) : '')],
    ], { caption: '各成员单位投递情况', empty: '尚无通知' }),
    h('h2', {}, `需处理的通知（${flagged.length}）`),
    table(flagged, [
      ['通知', (n) => n.id.slice(0, 8)],
      ['成员单位', (n) => n.department],
      ['类型', (n) => label('kind', n.kind)],
      ['状态', (n) => badge(label('delivery', n.deliveryStatus), String(n.deliveryStatus).toLowerCase())],
      ['创建', (n) => when(n.createdAt)],
      ['', (n) => replayButton(n.id, messages)],
    ], { empty: '没有被拒收或投递失败的通知' }),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary',
      onclick: () => download('delivery-summary.json', JSON.stringify(summary, null, 2)) }, '导出看板数据')));
}

function replayDeadButton(department, messages) {
  return actionButton('全部重发', messages, async () => {
    const result = await api.post(`/api/v1/departments/${encodeURIComponent(department)}/replay-dead`, {});
    toast(`已安排重发 ${result?.replayed ?? ''} 条`);
    reloadPage();
  }, { kind: 'small' });
}

function replayButton(noticeId, messages) {
  return actionButton('重发', messages, async () => {
    await api.post(`/api/v1/notices/${encodeURIComponent(noticeId)}/replay`, {});
    toast('已安排重发');
    reloadPage();
  }, { kind: 'small' });
}

// --- departments ----------------------------------------------------------------------------------

async function showDepartments() {
  const departments = await api.get('/api/v1/departments');
  render(h('h1', {}, '成员单位、接收地址与签名密钥'),
    h('p', { class: 'lead' }, '新密钥只在生成时显示一次，请当面或经保密渠道交给该部门；部门改用新密钥后再停用旧密钥。'),
    h('div', { id: 'departments' }, departments.map(departmentCard)));
}

function departmentCard(department) {
  const endpoint = h('input', { type: 'url', name: 'endpointUrl', value: department.endpointUrl || '', maxlength: 500, placeholder: '不填则由部门自行拉取' });
  const enabled = h('input', { type: 'checkbox', name: 'enabled', checked: department.enabled });
  const contact = h('input', { name: 'contact', value: department.contact || '', maxlength: 200 });
  const messages = h('div');
  const secretBox = h('div');
  const save = h('button', { type: 'submit' }, '保存');
  const newSecret = actionButton('生成新密钥', messages, async () => {
    const created = await api.post(`/api/v1/departments/${department.code}/secrets`, {});
    secretBox.replaceChildren(h('div', { class: 'secret', role: 'alert' },
      h('p', {}, `新密钥（${created.keyId}），仅显示这一次：`), h('code', {}, created.secret)));
  }, { kind: 'secondary' });
  // The private key never leaves the service: the answer and the view carry the public key only.
  const newKeyPair = actionButton('生成 Ed25519 密钥对', messages, async () => {
    await api.post(`/api/v1/departments/${department.code}/ed25519-keys`, {});
    toast('已生成，公钥见下表');
    reloadPage();
  }, { kind: 'secondary' });
  const form = h('form', { class: 'card', 'data-department': department.code, onsubmit: (event) => {
    event.preventDefault();
    withButton(save, messages, async () => {
      await api.put(`/api/v1/departments/${department.code}`, {
        name: department.name, fullName: department.fullName, roles: department.roles,
        endpointUrl: endpoint.value.trim() || null, enabled: enabled.checked, contact: contact.value.trim() || null,
      });
      toast('已保存');
    });
  } },
  h('h3', {}, `${department.name}（${department.code}）`),
  h('p', { class: 'meta' }, `${department.fullName || ''} · ${department.roles.join('、')}`),
  h('p', { class: 'endpoint' }, '推送状态：', endpointState(department.endpoint, Boolean(department.endpointUrl)), ' ',
    endpointButton(department, messages)),
  field('接收地址', endpoint), field('联系人', contact), h('label', { class: 'check' }, enabled, ' 启用'),
  h('h4', {}, '有效签名密钥（v1，HMAC）'),
  h('div', { class: 'secrets' }, table(department.activeSecrets, [
    ['密钥编号', (s) => s.keyId],
    ['指纹', (s) => s.fingerprint],
    ['生成时间', (s) => when(s.createdAt)],
    ['', (s) => (department.activeSecrets.length > 1 ? retireButton(department.code, s.keyId, messages) : '')],
  ], { empty: '无有效密钥' })),
  h('h4', {}, 'Ed25519 公钥（v1a，可选）'),
  h('div', { class: 'ed25519-keys' }, table(department.ed25519Keys || [], [
    ['密钥编号', (k) => k.keyId],
    ['公钥（交给该部门验签）', (k) => h('code', {}, k.publicKey)],
    ['生成时间', (k) => when(k.createdAt)],
    ['', (k) => removeKeyPairButton(department.code, k.keyId, messages)],
  ], { empty: '未设 Ed25519 密钥对：只有 HMAC 签名' })),
  h('div', { class: 'actions' }, save, newSecret, newKeyPair), secretBox, messages);
  return form;
}

function removeKeyPairButton(code, keyId, messages) {
  return actionButton('删除', messages, async () => {
    await api.del(`/api/v1/departments/${code}/ed25519-keys/${encodeURIComponent(keyId)}`);
    toast('已删除该密钥对');
    reloadPage();
  }, { kind: 'small secondary' });
}

/** ADMIN's switch of a department's endpoint: enable it again (its waiting notices go out at once), or stop pushing. */
function endpointButton(department, messages) {
  if (!department.endpointUrl) {
    return '';
  }
  const code = encodeURIComponent(department.code);
  if (department.endpoint && !department.endpoint.enabled) {
    return actionButton('恢复推送', messages, async () => {
      const result = await api.post(`/api/v1/departments/${code}/endpoint/enable`, {});
      toast(`已恢复推送，${result?.requeued ?? 0} 条等待中的通知立即发送`);
      reloadPage();
    }, { kind: 'small' });
  }
  return actionButton('停止推送', messages, async () => {
    await api.post(`/api/v1/departments/${code}/endpoint/disable`, {});
    toast('已停止推送，通知在该部门收件箱中等待');
    reloadPage();
  }, { kind: 'small secondary' });
}

function retireButton(code, keyId, messages) {
  return actionButton('停用', messages, async () => {
    await api.del(`/api/v1/departments/${code}/secrets/${encodeURIComponent(keyId)}`);
    toast('已停用旧密钥');
    reloadPage();
  }, { kind: 'small secondary' });
}
