package io.ember.executor;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;

/** The class loader of an executor's tasks: its parent's classes plus the jars the driver shipped. */
public final class ExecutorClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    public ExecutorClassLoader(ClassLoader parent) {
        super("ember-executor", new URL[0], parent);
    }

    void addJar(File jar) {
        try {
            addURL(jar.toURI().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Bad jar path " + jar, e);
        }
    }
}
