/**
 * The joint-sanction measure catalogue (table {@code measure}): what each department applies to
 * units and persons. Published: {@link cn.chongchuan.safetycredit.sanction.measure.MeasureService}
 * and {@link cn.chongchuan.safetycredit.sanction.measure.Measure}.
 */
@ApplicationModule(displayName = "Measures", allowedDependencies = {"department", "support"})
package cn.chongchuan.safetycredit.sanction.measure;

import org.springframework.modulith.ApplicationModule;
