package cn.chongchuan.safetycredit.sanction.endpoint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Which department endpoints the service may call ({@code sanction.endpoints.*}). An ADMIN key
 * registers endpoints, so without these limits it could make the service call anything it can
 * reach (its own actuator, the database port, a cloud metadata service).
 *
 * @param allowHttp    accept plain {@code http://} endpoints; {@code false} (https only) except in the
 *                     local run and tests, whose stubs have no certificates
 *                     ({@code SANCTION_ENDPOINTS_ALLOWHTTP})
 * @param allowedHosts operator allow-list of host names and IP addresses or CIDR ranges that may be
 *                     called although they are loopback, private, link-local and so on, e.g.
 *                     {@code partner-gw.internal,10.20.0.0/16}; none by default
 *                     ({@code SANCTION_ENDPOINTS_ALLOWEDHOSTS}, comma-separated)
 */
@ConfigurationProperties("sanction.endpoints")
public record EndpointProperties(@DefaultValue("false") boolean allowHttp, @DefaultValue List<String> allowedHosts) {

    public EndpointProperties {
        allowedHosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
