package io.ember.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.tree.ParseTree;

/** Identifiers as written, back-quotes removed ({@code `a``b`} is {@code a`b}). */
final class Names {
    private Names() {}

    static String of(ParseTree identifier) {
        String t = identifier.getText();
        if (t.length() >= 2 && t.startsWith("`") && t.endsWith("`")) {
            return t.substring(1, t.length() - 1).replace("``", "`");
        }
        return t;
    }

    static List<String> parts(SqlParser.MultipartIdentifierContext ctx) {
        List<String> out = new ArrayList<>();
        ctx.parts.forEach(p -> out.add(of(p)));
        return out;
    }

    static List<String> parts(SqlParser.QualifiedNameContext ctx) {
        List<String> out = new ArrayList<>();
        ctx.identifier().forEach(p -> out.add(of(p)));
        return out;
    }

    static List<String> list(SqlParser.IdentifierListContext ctx) {
        List<String> out = new ArrayList<>();
        if (ctx != null) {
            ctx.identifierSeq().errorCapturingIdentifier().forEach(p -> out.add(of(p)));
        }
        return out;
    }
}
