package io.headline.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headline.common.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/** Applies a merge patch to the input form of a resource and validates the result like any other write. */
@ApplicationScoped
public class MergePatcher {

    private final ObjectMapper mapper;
    private final Validator validator;

    public MergePatcher(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    @SuppressWarnings("unchecked")
    public <T> T patch(T current, JsonNode patch) throws JsonProcessingException {
        JsonNode merged = MergePatch.apply(mapper.valueToTree(current), patch);
        T result = (T) mapper.treeToValue(merged, current.getClass());
        if (result == null) {
            // The patch was null, which RFC 7396 reads as "replace the whole resource with null".
            throw ProblemException.invalidField("$", "must not be null");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }
}
