package cn.chongchuan.safetycredit.sanction.delivery;

import feign.Request;
import feign.Response;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

import java.net.URI;
import java.util.Map;

/**
 * Posts a signed notice to a department's endpoint. The endpoint is the {@code URI} argument (each
 * department has its own); the headers are the signature's (Standard Webhooks {@code webhook-*}, and
 * the legacy {@code X-Notice-*} while they are sent); the raw {@link Response} comes back for every
 * status so the caller decides what it means.
 */
@FeignClient(name = "department-endpoint", url = "http://department-endpoint.invalid",
        configuration = DepartmentClientConfiguration.class)
public interface DepartmentClient {

    /** The legacy headers (sanction.delivery.legacy-signature-headers), exactly as before Standard Webhooks. */
    String NOTICE_ID = "X-Notice-Id";
    String NOTICE_TIMESTAMP = "X-Notice-Timestamp";
    String NOTICE_SIGNATURE = "X-Notice-Signature";

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Response deliverNotice(URI endpoint, Request.Options options, @RequestHeader Map<String, String> headers,
            @RequestBody byte[] body);
}
