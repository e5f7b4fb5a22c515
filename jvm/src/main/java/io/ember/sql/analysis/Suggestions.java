package io.ember.sql.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders the names a query could have meant by edit distance to the name it used, as Spark
 * does for {@code UNRESOLVED_COLUMN.WITH_SUGGESTION}: the distance is taken over as many
 * trailing name parts as the user wrote, ties are broken by the quoted name, and each suggestion is the
 * full quoted name ({@code `t`.`a`}).
 */
final class Suggestions {
    private Suggestions() {}

    static List<String> orderBySimilarity(List<String> base, List<List<String>> candidates) {
        String baseText = String.join(".", base);
        record Scored(String quoted, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            List<String> parts = candidates.get(i);
            List<String> tail = parts.subList(Math.max(0, parts.size() - base.size()), parts.size());
            scored.add(new Scored(AnalysisErrors.toSqlId(parts), levenshtein(String.join(".", tail), baseText)));
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::quoted));
        List<String> out = new ArrayList<>(scored.size());
        for (Scored s : scored) {
            out.add(s.quoted());
        }
        return out;
    }

    /** The number of single-character inserts, deletes and substitutions that turn {@code a} into {@code b}. */
    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
