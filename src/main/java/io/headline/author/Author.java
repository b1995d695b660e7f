package io.headline.author;

import io.headline.common.persistence.NamedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "author")
public class Author extends NamedEntity {

    public String bio;
    public String avatarUrl;
    public String websiteUrl;
    public String email;
}
