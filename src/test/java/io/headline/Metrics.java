package io.headline;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What /q/metrics on the management interface says, in the Prometheus text format. */
public final class Metrics {

    /** One sample: name, labels (without braces) and value. */
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");

    private Metrics() {
    }

    public static String scrape() {
        return given().noFilters().when().get(url()).then().statusCode(200).extract().asString();
    }

    /** Where the scrape is: the management interface's port, not the API's. */
    public static String url() {
        return TestHTTPResourceManager.getManagementUri() + "/metrics";
    }

    /** The sum of the samples of {@code name} that carry each of {@code labels} (as {@code quota="anonymous"}). */
    public static double value(String name, String... labels) {
        double sum = 0;
        Matcher sample = SAMPLE.matcher(scrape());
        while (sample.find()) {
            String sampleLabels = sample.group(2) == null ? "" : sample.group(2);
            if (sample.group(1).equals(name)
                    && Arrays.stream(labels).allMatch(label -> Arrays.asList(sampleLabels.split(",")).contains(label))) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }
}
