package io.ember.ui.rest;

import io.ember.ui.store.AppStatusStore;
import java.util.List;
import java.util.Optional;

/** The applications a REST API serves: the live one, or those of a log directory. Thread-safe. */
public interface AppSource {
    /** Every application's store, newest first. */
    List<AppStatusStore> all();

    /** The store of application {@code appId}. */
    Optional<AppStatusStore> find(String appId);
}
