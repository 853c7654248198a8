package cn.chongchuan.safetycredit.e2e.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates manifests offline against the Kubernetes API of one pinned version: the models of the
 * official Java client ({@code io.kubernetes:client-java-api}, generated from that version's
 * OpenAPI document). A document must pass the model's own validation (no field the API does not
 * have, every required field present) and survive a round trip through the model unchanged (a
 * value of the wrong type, such as {@code containerPort: "x"} or {@code "8081"} for a number, does not).
 */
final class KubernetesSchema {

    /** The Kubernetes version client-java-api ${kubernetes-client-java.version} was generated from. */
    static final String KUBERNETES_VERSION = "1.34";

    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/Namespace", V1Namespace.class,
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Secret", V1Secret.class,
            "v1/Service", V1Service.class,
            "apps/v1/Deployment", V1Deployment.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/Ingress", V1Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class);

    private KubernetesSchema() {
    }

    /** What is wrong with one document; empty when it is a valid object of its kind. */
    static List<String> problems(Manifests.Document document) {
        List<String> problems = new ArrayList<>();
        Class<?> model = MODELS.get(document.apiVersion() + "/" + document.kind());
        if (model == null) {
            problems.add(document + ": apiVersion/kind " + document.apiVersion() + "/" + document.kind()
                    + " is none this test knows (add its model to KubernetesSchema)");
            return problems;
        }
        Gson gson = JSON.getGson();
        JsonElement written = gson.toJsonTree(document.content());
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, written);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            problems.add(document + ": " + cause.getMessage());
            return problems;
        }
        try {
            JsonElement roundTrip = withoutEmpty(gson.toJsonTree(gson.fromJson(written, model)));
            if (!roundTrip.equals(withoutEmpty(written))) {
                problems.add(document + ": a value has the wrong type or form; as the API reads it:\n  " + roundTrip
                        + "\nas written:\n  " + written);
            }
        } catch (RuntimeException e) {
            problems.add(document + ": " + e.getMessage());
        }
        return problems;
    }

    /** The element without empty objects and lists, which the models add and leaving out means the same. */
    private static JsonElement withoutEmpty(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject trimmed = new JsonObject();
            element.getAsJsonObject().entrySet().forEach(entry -> {
                JsonElement value = withoutEmpty(entry.getValue());
                if (!isEmpty(value)) {
                    trimmed.add(entry.getKey(), value);
                }
            });
            return trimmed;
        }
        if (element.isJsonArray()) {
            JsonArray trimmed = new JsonArray();
            element.getAsJsonArray().forEach(item -> trimmed.add(withoutEmpty(item)));
            return trimmed;
        }
        return element;
    }

    private static boolean isEmpty(JsonElement element) {
        return element.isJsonNull()
                || element.isJsonObject() && element.getAsJsonObject().isEmpty()
                || element.isJsonArray() && element.getAsJsonArray().isEmpty();
    }
}
