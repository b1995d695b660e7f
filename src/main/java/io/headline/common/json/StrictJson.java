package io.headline.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.headline.common.validation.StorableInstant;
import io.headline.common.validation.StorableText;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;

/**
 * What Headline reads as JSON: exactly one value per body, each member once (a duplicate would otherwise silently
 * let the last one win), text both databases store, and instants as ISO-8601 strings in years 0001 to 9999 (a
 * number such as 1e308 would otherwise become some instant in 1970). Every body, and every merge patch once merged,
 * is read by this mapper, so these rules hold for all of them.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("StorableValues")
                .addDeserializer(String.class, new StorableTextDeserializer())
                .addDeserializer(Instant.class, new StorableInstantDeserializer()));
    }

    /** Last: the modules Quarkus registers (java.time among them) must not replace these deserializers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    private static final class StorableTextDeserializer extends StdScalarDeserializer<String> {

        StorableTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !StorableText.isStorable(text)) {
                throw new RefusedValueException(parser, String.class, StorableText.RULE);
            }
            return text;
        }
    }

    private static final class StorableInstantDeserializer extends StdScalarDeserializer<Instant> {

        StorableInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValueException(parser, Instant.class, StorableInstant.RULE);
            }
            return StorableInstant.parse(parser.getText())
                    .orElseThrow(() -> new RefusedValueException(parser, Instant.class, StorableInstant.RULE));
        }
    }
}
