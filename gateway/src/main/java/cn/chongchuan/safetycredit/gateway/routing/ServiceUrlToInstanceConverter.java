package cn.chongchuan.safetycredit.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.core.convert.converter.Converter;

import java.net.URI;

/**
 * Lets a service's static instance list be written as plain URLs,
 * {@code spring.cloud.discovery.client.simple.instances.credit-service=http://a:8081,http://b:8081}
 * (what {@code GATEWAY_CREDIT_URLS} feeds), as well as in the long indexed form.
 */
@ConfigurationPropertiesBinding
public class ServiceUrlToInstanceConverter implements Converter<String, InstanceProperties> {

    @Override
    public InstanceProperties convert(String url) {
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("a service instance must be an absolute URL such as http://10.0.0.5:8081, not '"
                    + url + "'");
        }
        InstanceProperties instance = new InstanceProperties();
        instance.setUri(uri);
        return instance;
    }
}
