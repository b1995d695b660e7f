package io.headline;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import java.nio.file.Path;

/**
 * Every REST Assured request of the suite, and the response it gets, is checked against the committed
 * openapi.yaml: a response that drifts from the contract fails the test that saw it.
 *
 * <p>Tests that send an invalid request on purpose (to see the error it earns) mark it with
 * {@link #INTENT_HEADER}; their requests are exempt, their responses are still checked.
 */
public class ContractValidation implements QuarkusTestBeforeEachCallback {

    public static final String INTENT_HEADER = "X-Test-Intent";
    public static final String INVALID_REQUEST = "invalid-request";

    private static final OpenApiValidationFilter FILTER = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(Path.of("openapi.yaml").toUri().toString())
                    .withWhitelist(ValidationErrorsWhitelist.create().withRule("requests that are invalid on purpose",
                            WhitelistRules.allOf(WhitelistRules.isRequest(),
                                    WhitelistRules.headerContains(INTENT_HEADER, INVALID_REQUEST)))
                            // REST Assured hands the validator no multipart body; the response is still checked.
                            .withRule("multipart bodies, which the validator does not see",
                                    WhitelistRules.allOf(WhitelistRules.isRequest(),
                                            WhitelistRules.messageHasKey("validation.request.body.missing"),
                                            WhitelistRules.headerContains("Content-Type", "multipart/form-data"))))
                    .build());

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }
}
