/**
 * The department registry (tables {@code department}, {@code department_secret} and {@code
 * department_signing_key}): who receives notices, where, the signing secrets and the Ed25519 key
 * pairs, encrypted at rest, and the Standard Webhooks signature of a notice. Published: {@link
 * cn.chongchuan.safetycredit.sanction.department.DepartmentService}, {@link
 * cn.chongchuan.safetycredit.sanction.department.Department}, {@link
 * cn.chongchuan.safetycredit.sanction.department.NoticeSigner} with {@link
 * cn.chongchuan.safetycredit.sanction.department.WebhookHeaders} and {@link
 * cn.chongchuan.safetycredit.sanction.department.NoticeSigningException}, and {@link
 * cn.chongchuan.safetycredit.sanction.department.SigningKey} (the legacy signature's keys).
 */
@ApplicationModule(displayName = "Departments", allowedDependencies = {"endpoint", "support"})
package cn.chongchuan.safetycredit.sanction.department;

import org.springframework.modulith.ApplicationModule;
