package cn.chongchuan.safetycredit.platform.tracing;

import cn.chongchuan.safetycredit.platform.web.IdNumberMask;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

/**
 * Masks personal ID numbers in every observation's key values and name before they become span
 * attributes (or metric tags). A caller may put an ID number in a path (the check refuses it with
 * 400, but the server observation records the path as {@code http.url}) or in a query string
 * (the gateway's proxied-request observation records the whole URI): each is masked as the logs
 * mask it ({@link IdNumberMask}).
 */
public class IdNumberMaskingObservationFilter implements ObservationFilter {

    @Override
    public Observation.Context map(Observation.Context context) {
        for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
            masked(keyValue).ifPresent(context::addLowCardinalityKeyValue);
        }
        for (KeyValue keyValue : context.getHighCardinalityKeyValues()) {
            masked(keyValue).ifPresent(context::addHighCardinalityKeyValue);
        }
        String name = context.getContextualName();
        if (name != null && !name.equals(IdNumberMask.mask(name))) {
            context.setContextualName(IdNumberMask.mask(name));
        }
        return context;
    }

    private static java.util.Optional<KeyValue> masked(KeyValue keyValue) {
        String value = keyValue.getValue();
        String masked = IdNumberMask.mask(value);
        return masked.equals(value) ? java.util.Optional.empty() : java.util.Optional.of(KeyValue.of(keyValue.getKey(), masked));
    }
}
