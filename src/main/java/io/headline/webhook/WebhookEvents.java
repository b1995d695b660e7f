package io.headline.webhook;

import io.headline.change.ChangeKind;
import io.headline.change.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The event names a hook may subscribe to: {@code <type>.<kind>} of what the change log records. */
final class WebhookEvents {

    /** Authors and categories have no workflow: they are created, updated and deleted. */
    private static final Set<ChangeKind> PLAIN = Set.of(ChangeKind.created, ChangeKind.updated, ChangeKind.deleted);

    static final List<String> ALL = all();

    private WebhookEvents() {
    }

    private static List<String> all() {
        List<String> names = new ArrayList<>();
        for (ResourceType type : ResourceType.values()) {
            for (ChangeKind kind : ChangeKind.values()) {
                if (type == ResourceType.article || PLAIN.contains(kind)) {
                    names.add(type + "." + kind);
                }
            }
        }
        return List.copyOf(names);
    }
}
