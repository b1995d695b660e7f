package io.headline.webhook;

import static io.headline.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import static org.assertj.core.api.Assertions.assertThat;

import io.headline.OwnDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With private addresses not allowed (the default outside tests), hooks may not target them. */
@QuarkusTest
@TestProfile(WebhookAddressTests.PublicOnly.class)
class WebhookAddressTests {

    public static class PublicOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OwnDatabase.with("webhook-addresses", Map.of("headline.webhooks.allow-private", "false"));
        }
    }

    @Inject
    WebhookSender sender;

    @Test
    void shouldRefuseAPrivateAddressAtDeliveryToo() throws Exception {
        try (Receiver receiver = new Receiver()) {
            // Registered while allowed, or a name that resolves elsewhere now (DNS rebinding): the attempt checks again
            WebhookSender.Outcome outcome = sender.send(receiver.url(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                    "msg_1", Instant.now().getEpochSecond(), "{}");

            assertThat(outcome.status()).isNull();
            assertThat(outcome.error()).startsWith("refused: the URL resolves to 127.0.0.1");
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/hook",
            "http://10.0.0.5/hook", "http://192.168.0.1/hook", "http://169.254.169.254/latest/meta-data",
            "https://[fd00::1]/hook", "http://0.0.0.0/hook", "http://224.0.0.1/hook"})
    void shouldRefuseAPrivateTarget(String url) {
        admin().body(Map.of("url", url, "events", List.of("article.published")))
                .when().post("/api/v1/webhooks").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("may not reach"));
    }
}
