/**
 * What every module of sanction-service shares: the problems it raises in the platform's shapes,
 * path-parameter checks, the clock, the subject type, and the MyBatis helpers (code lists, generated
 * keys). It has no table and depends on no other module.
 */
@ApplicationModule(displayName = "Support", allowedDependencies = {})
package cn.chongchuan.safetycredit.sanction.support;

import org.springframework.modulith.ApplicationModule;
