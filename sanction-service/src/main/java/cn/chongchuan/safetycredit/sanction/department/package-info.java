/**
 * The department registry (tables {@code department} and {@code department_secret}): who receives
 * notices, where, and the signing secrets, encrypted at rest; and the state of each department's
 * endpoint (tables {@code endpoint_state} and {@code endpoint_event}: enabled, or disabled as GONE,
 * FAILING or by ADMIN, with the events ADMIN is told). Published: {@link
 * cn.chongchuan.safetycredit.sanction.department.DepartmentService}, {@link
 * cn.chongchuan.safetycredit.sanction.department.Department}, {@link
 * cn.chongchuan.safetycredit.sanction.department.SigningKey}, {@link
 * cn.chongchuan.safetycredit.sanction.department.DepartmentEndpoints} with {@link
 * cn.chongchuan.safetycredit.sanction.department.EndpointState} and {@link
 * cn.chongchuan.safetycredit.sanction.department.EndpointEvent}.
 */
@ApplicationModule(displayName = "Departments", allowedDependencies = {"endpoint", "support"})
package cn.chongchuan.safetycredit.sanction.department;

import org.springframework.modulith.ApplicationModule;
