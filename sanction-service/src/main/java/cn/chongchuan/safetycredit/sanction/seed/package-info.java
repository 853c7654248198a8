/**
 * Loads the reviewable seed files at start: departments and measures through their modules'
 * services, and where the holiday calendar's file is ({@link
 * cn.chongchuan.safetycredit.sanction.seed.SeedProperties}, published for the calendar). No table.
 */
@ApplicationModule(displayName = "Seeds", allowedDependencies = {"department", "measure"})
package cn.chongchuan.safetycredit.sanction.seed;

import org.springframework.modulith.ApplicationModule;
