package io.ember.sql.rules;

import io.ember.sql.trees.TreeNode;

/**
 * One rewrite of a tree: returns the tree unchanged (the same instance) when it does not
 * apply. Rules are small named classes ({@code PushFilterThroughProject}); the name shows in
 * plan change logs.
 */
public interface Rule<T extends TreeNode<T>> {
    T apply(T tree);

    default String ruleName() {
        return getClass().getSimpleName();
    }
}
