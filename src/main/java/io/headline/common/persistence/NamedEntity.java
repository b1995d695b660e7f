package io.headline.common.persistence;

import jakarta.persistence.MappedSuperclass;

/** Content known by a display name, listed by name: authors and categories. */
@MappedSuperclass
public abstract class NamedEntity extends ContentEntity {

    public String name;
}
