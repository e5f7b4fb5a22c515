package io.ember.sql.expressions.string;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The row computations of {@link StringKernel} that take more than one line, each as Spark defines it. */
final class StringOps {
    private StringOps() {}

    /** Left of the {@code count}-th {@code delim} (from the right when negative); all when fewer. */
    static String substringIndex(String s, String delim, int count) {
        if (delim.isEmpty() || count == 0) return "";
        int idx;
        if (count > 0) {
            idx = -1;
            for (int i = 0; i < count; i++) {
                idx = s.indexOf(delim, idx + 1);
                if (idx < 0) return s;
            }
            return s.substring(0, idx);
        }
        idx = s.length();
        for (int i = 0; i < -count; i++) {
            idx = s.lastIndexOf(delim, idx - 1);
            if (idx < 0) return s;
        }
        return s.substring(idx + delim.length());
    }

    private static final String SOUNDEX_CODES = "01230127022455012623017202";

    /** American Soundex over the UTF-8 bytes; input not starting with a letter is returned as is. */
    static String soundex(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0) return s;
        int c = upper(b[0]);
        if (c < 'A' || c > 'Z') return s;
        char[] out = {(char) c, '0', '0', '0'};
        int n = 1;
        char last = SOUNDEX_CODES.charAt(c - 'A');
        for (int i = 1; i < b.length && n < 4; i++) {
            c = upper(b[i]);
            if (c < 'A' || c > 'Z') {
                last = '0';
                continue;
            }
            char code = SOUNDEX_CODES.charAt(c - 'A');
            if (code == '7') continue;
            if (code != '0' && code != last) out[n++] = code;
            last = code;
        }
        return new String(out);
    }

    private static int upper(byte b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }

    /** Edit distance in code points. */
    static int levenshtein(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] prev = new int[y.length + 1];
        int[] cur = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) prev[j] = j;
        for (int i = 1; i <= x.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length];
    }

    /** Removes the characters of {@code chars} from both ends. */
    static String trimChars(String s, String chars) {
        int a = 0;
        int b = s.length();
        while (a < b && chars.indexOf(s.charAt(a)) >= 0) a++;
        while (b > a && chars.indexOf(s.charAt(b - 1)) >= 0) b--;
        return s.substring(a, b);
    }

    /** {@code chr(n)}: empty for negative {@code n}, else the character {@code n mod 256}. */
    static String chr(long n) {
        return n < 0 ? "" : String.valueOf((char) (n & 0xFF));
    }

    /** 1-based position of {@code s} in the comma-separated {@code list}; 0 when absent or {@code s} has a comma. */
    static int findInSet(String s, String list) {
        if (s.indexOf(',') >= 0) return 0;
        String[] items = list.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            if (items[i].equals(s)) return i + 1;
        }
        return 0;
    }

    /** {@code src} with {@code len} characters from {@code pos} replaced ({@code len < 0}: the replacement's length). */
    static String overlay(String src, String replace, int pos, int len) {
        int l = len >= 0 ? len : replace.codePointCount(0, replace.length());
        return StringFunction.substring(src, 1, pos - 1) + replace
                + StringFunction.substring(src, (int) Math.min(Integer.MAX_VALUE, (long) pos + l), Integer.MAX_VALUE);
    }

    /** The {@code part}-th field split by the literal {@code delim} (negative from the end); empty when out of range. */
    static String splitPart(String s, String delim, int part) {
        if (part == 0) {
            throw new io.ember.sql.expressions.ExpressionEvalException("INVALID_INDEX_OF_ZERO",
                    "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).", Map.of());
        }
        String[] fields = delim.isEmpty() ? new String[] {s} : s.split(Pattern.quote(delim), -1);
        int i = part > 0 ? part - 1 : fields.length + part;
        return i < 0 || i >= fields.length ? "" : fields[i];
    }

    /** Replaces upper-case, lower-case and digit characters (and others when given); a null replacement keeps that class. */
    static String mask(String s, String upper, String lower, String digit, String other) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            String r;
            if (Character.isUpperCase(c)) r = upper;
            else if (Character.isLowerCase(c)) r = lower;
            else if (Character.isDigit(c)) r = digit;
            else r = other;
            if (r == null) b.appendCodePoint(c);
            else b.append(r.isEmpty() ? "" : r.substring(0, r.offsetByCodePoints(0, 1)));
        });
        return b.toString();
    }

    /** Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters, boost above 0.7). */
    static double jaroWinkler(String a, String b) {
        if (a.isEmpty() && b.isEmpty()) return 1.0;
        int window = Math.max(Math.max(a.length(), b.length()) / 2 - 1, 0);
        boolean[] ma = new boolean[a.length()];
        boolean[] mb = new boolean[b.length()];
        int matches = 0;
        for (int j = 0; j < b.length(); j++) {
            int lo = Math.max(0, j - window);
            int hi = Math.min(a.length() - 1, j + window);
            for (int i = lo; i <= hi; i++) {
                if (!ma[i] && a.charAt(i) == b.charAt(j)) {
                    ma[i] = true;
                    mb[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) return 0.0;
        int t = 0;
        for (int i = 0, j = 0; i < a.length(); i++) {
            if (!ma[i]) continue;
            while (!mb[j]) j++;
            if (a.charAt(i) != b.charAt(j)) t++;
            j++;
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - t / 2.0) / m) / 3.0;
        if (jaro <= 0.7) return jaro;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) prefix++;
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }

    /** Sentences of words (runs starting with a letter or digit), by the locale's break rules. */
    static List<Object> sentences(String s, String language, String country) {
        Locale locale = language.isEmpty() ? Locale.US : new Locale(language, country);
        BreakIterator sentencesIt = BreakIterator.getSentenceInstance(locale);
        BreakIterator words = BreakIterator.getWordInstance(locale);
        sentencesIt.setText(s);
        List<Object> out = new ArrayList<>();
        int start = sentencesIt.first();
        for (int end = sentencesIt.next(); end != BreakIterator.DONE; start = end, end = sentencesIt.next()) {
            String sentence = s.substring(start, end);
            words.setText(sentence);
            List<Object> ws = new ArrayList<>();
            int ws0 = words.first();
            for (int we = words.next(); we != BreakIterator.DONE; ws0 = we, we = words.next()) {
                String w = sentence.substring(ws0, we);
                if (Character.isLetterOrDigit(w.charAt(0))) ws.add(w);
            }
            if (!ws.isEmpty()) out.add(ws);
        }
        return out;
    }

    /** {@code str_to_map}: pairs split by the regex {@code pairDelim}, key and value by the regex {@code kvDelim}. */
    static Map<Object, Object> strToMap(String s, String pairDelim, String kvDelim) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (String pair : s.split(pairDelim, -1)) {
            String[] kv = pair.split(kvDelim, 2);
            m.put(kv[0], kv.length > 1 ? kv[1] : null);
        }
        return m;
    }
}
