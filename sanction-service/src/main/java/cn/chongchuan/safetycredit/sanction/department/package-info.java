/**
 * The department registry (tables {@code department}, {@code department_secret} and {@code
 * department_signing_key}): who receives notices, where, the signing secrets and the Ed25519 key
 * pairs, encrypted at rest, and the Standard Webhooks signature of a notice; and the state of each
 * department's endpoint (tables {@code endpoint_state} and {@code endpoint_event}: enabled, or
 * disabled as GONE, FAILING or by ADMIN, with the events ADMIN is told). Published: {@link
 * cn.chongchuan.safetycredit.sanction.department.DepartmentService}, {@link
 * cn.chongchuan.safetycredit.sanction.department.Department}, {@link
 * cn.chongchuan.safetycredit.sanction.department.NoticeSigner} with {@link
 * cn.chongchuan.safetycredit.sanction.department.WebhookHeaders} and {@link
 * cn.chongchuan.safetycredit.sanction.department.NoticeSigningException}, {@link
 * cn.chongchuan.safetycredit.sanction.department.SigningKey} (the legacy signature's keys), and {@link
 * cn.chongchuan.safetycredit.sanction.department.DepartmentEndpoints} with {@link
 * cn.chongchuan.safetycredit.sanction.department.EndpointState} and {@link
 * cn.chongchuan.safetycredit.sanction.department.EndpointEvent}.
 */
@ApplicationModule(displayName = "Departments", allowedDependencies = {"endpoint", "support"})
package cn.chongchuan.safetycredit.sanction.department;

import org.springframework.modulith.ApplicationModule;
