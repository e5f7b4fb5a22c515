package io.ember.ui.pages;

import io.ember.ui.store.RddStorageData;
import java.util.List;

/** The Storage tab: cached RDDs with their level and sizes, and one RDD's blocks ({@code rdd/?id=N}). */
final class StoragePage {
    private StoragePage() {}

    static String html(PageContext c) {
        List<RddStorageData> rdds = c.store().rdds();
        if (rdds.isEmpty()) {
            return c.page("Storage", "storage/", "<p>No cached RDDs.</p>");
        }
        StringBuilder b = new StringBuilder("<table id=\"rdds\">");
        b.append(Html.head("ID", "RDD Name", "Storage Level", "Cached Partitions", "Fraction Cached",
                "Size in Memory", "Size on Disk"));
        for (RddStorageData r : rdds) {
            b.append("<tr id=\"rdd-").append(r.id()).append("\">").append(Html.num(r.id()))
                    .append(Html.cell(Html.link(c.base() + "storage/rdd/?id=" + r.id(), r.name())))
                    .append(Html.td(r.storageLevel())).append(Html.num(r.numCachedPartitions()))
                    .append(Html.num(r.numPartitions() == 0 ? "0%"
                            : (100 * r.numCachedPartitions() / r.numPartitions()) + "%"))
                    .append(Html.num(Html.bytes(r.memoryUsed()))).append(Html.num(Html.bytes(r.diskUsed())))
                    .append("</tr>");
        }
        return c.page("Storage", "storage/", b.append("</table>").toString());
    }

    static String rddHtml(PageContext c) {
        int id = c.intParam("id");
        RddStorageData r = c.store().rdd(id).orElseThrow(() -> new PageNotFound("unknown rdd: " + id));
        StringBuilder b = new StringBuilder("<dl><dt>Name</dt><dd>").append(Html.esc(r.name()))
                .append("</dd><dt>Storage Level</dt><dd>").append(Html.esc(r.storageLevel()))
                .append("</dd><dt>Cached Partitions</dt><dd>").append(r.numCachedPartitions()).append(" of ")
                .append(r.numPartitions()).append("</dd><dt>Size in Memory</dt><dd>").append(Html.bytes(r.memoryUsed()))
                .append("</dd><dt>Size on Disk</dt><dd>").append(Html.bytes(r.diskUsed())).append("</dd></dl>");
        b.append("<h2>Partitions</h2><table id=\"blocks\">")
                .append(Html.head("Block Name", "Storage Level", "Size in Memory", "Size on Disk", "Executor"));
        for (RddStorageData.Partition p : r.partitions()) {
            b.append("<tr>").append(Html.td(p.blockName())).append(Html.td(p.storageLevel()))
                    .append(Html.num(Html.bytes(p.memoryUsed()))).append(Html.num(Html.bytes(p.diskUsed())))
                    .append(Html.td(p.executorId())).append("</tr>");
        }
        return c.page("RDD Storage Info for " + r.name(), "storage/", b.append("</table>").toString());
    }
}
