package io.ember.examples;

import io.ember.api.EmberContext;
import io.ember.api.JavaPairRDD;
import io.ember.core.EmberConf;
import io.ember.core.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PageRank over a link graph given as {@code src dst} lines: every url starts at rank 1; each
 * iteration a url sends rank / outDegree to each of its links, and its new rank is
 * {@code 0.15 + 0.85 * received}. Prints {@code url has rank: r} per url, sorted by url.
 *
 * <p>Usage: {@code JavaPageRank <file> [iterations] [master]} (10 iterations by default).
 */
public final class JavaPageRank {
    private JavaPageRank() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("Usage: JavaPageRank <file> [iterations] [master]");
            System.exit(2);
        }
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        EmberConf conf = new EmberConf().setAppName("JavaPageRank");
        if (args.length > 2) {
            conf.setMaster(args[2]);
        }
        try (EmberContext ec = new EmberContext(conf)) {
            JavaPairRDD<String, Iterable<String>> links = ec.textFile(args[0])
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .mapToPair(line -> {
                        String[] parts = line.trim().split("\\s+");
                        if (parts.length < 2) {
                            throw new IllegalArgumentException("expected 'src dst', got: " + line);
                        }
                        return new Tuple2<>(parts[0], parts[1]);
                    })
                    .distinct()
                    .groupByKey()
                    .cache();
            JavaPairRDD<String, Double> ranks = links.mapValues(dsts -> 1.0);
            for (int i = 0; i < iterations; i++) {
                JavaPairRDD<String, Double> contribs = links.join(ranks).values().flatMapToPair(t -> {
                    List<String> dsts = new ArrayList<>();
                    t._1().forEach(dsts::add);
                    List<Tuple2<String, Double>> out = new ArrayList<>(dsts.size());
                    for (String dst : dsts) {
                        out.add(new Tuple2<>(dst, t._2() / dsts.size()));
                    }
                    return out.iterator();
                });
                ranks = contribs.reduceByKey(Double::sum).mapValues(sum -> 0.15 + 0.85 * sum);
            }
            Map<String, Double> sorted = new TreeMap<>(ranks.collectAsMap());
            sorted.forEach((url, rank) -> System.out.println(url + " has rank: " + rank));
        }
    }
}
