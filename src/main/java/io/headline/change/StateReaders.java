package io.headline.change;

/**
 * Whoever reads the states changes leave (see {@link Change#state}): the change log keeps them only while one wants
 * them, so that a site nobody subscribes to keeps no copy of every write. Webhooks implement it.
 */
public interface StateReaders {

    /** Whether states written now will be read. */
    boolean wanted();
}
