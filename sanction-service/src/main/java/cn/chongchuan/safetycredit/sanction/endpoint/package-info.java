/**
 * Which URLs a department may be reached at ({@code sanction.endpoints.*}), checked when ADMIN
 * registers an endpoint and before every call. Published: {@link
 * cn.chongchuan.safetycredit.sanction.endpoint.EndpointPolicy}. No table.
 */
@ApplicationModule(displayName = "Endpoint policy", allowedDependencies = {})
package cn.chongchuan.safetycredit.sanction.endpoint;

import org.springframework.modulith.ApplicationModule;
