/**
 * The department registry (tables {@code department} and {@code department_secret}): who receives
 * notices, where, and the signing secrets, encrypted at rest. Published: {@link
 * cn.chongchuan.safetycredit.sanction.department.DepartmentService}, {@link
 * cn.chongchuan.safetycredit.sanction.department.Department} and {@link
 * cn.chongchuan.safetycredit.sanction.department.SigningKey}.
 */
@ApplicationModule(displayName = "Departments", allowedDependencies = {"endpoint", "support"})
package cn.chongchuan.safetycredit.sanction.department;

import org.springframework.modulith.ApplicationModule;
