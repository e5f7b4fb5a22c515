package io.ember.ui.pages;

/** An unknown page or id: the router answers it with a 404 page naming {@link #getMessage}. */
final class PageNotFound extends RuntimeException {
    PageNotFound(String message) {
        super(message, null, false, false);
    }
}
