"""How much of PySpark's RDD API ember.RDD offers (the checklist is shared/API.md section 9)."""

from ember import RDD

# The 106 public names of pyspark.RDD: 105 methods and the ``context`` property.
PYSPARK_RDD_NAMES = """
id context cache persist unpersist checkpoint isCheckpointed localCheckpoint
isLocallyCheckpointed getCheckpointFile cleanShuffleDependencies map flatMap mapPartitions
mapPartitionsWithIndex mapPartitionsWithSplit getNumPartitions filter distinct sample
randomSplit takeSample union intersection repartitionAndSortWithinPartitions sortByKey sortBy
glom cartesian groupBy pipe foreach foreachPartition collect collectWithJobGroup reduce
treeReduce fold aggregate treeAggregate max min sum count stats histogram mean variance stdev
sampleStdev sampleVariance countByValue top takeOrdered take first isEmpty
saveAsNewAPIHadoopDataset saveAsNewAPIHadoopFile saveAsHadoopDataset saveAsHadoopFile
saveAsSequenceFile saveAsPickleFile saveAsTextFile collectAsMap keys values reduceByKey
reduceByKeyLocally countByKey join leftOuterJoin rightOuterJoin fullOuterJoin partitionBy
combineByKey aggregateByKey foldByKey groupByKey flatMapValues mapValues groupWith cogroup
sampleByKey subtractByKey subtract keyBy repartition coalesce zip zipWithIndex zipWithUniqueId
name setName toDebugString getStorageLevel lookup countApprox sumApprox meanApprox
countApproxDistinct toLocalIterator barrier withResources getResourceProfile toDF
""".split()

# Hadoop OutputFormat writers: out of scope (no Hadoop), so not counted.
EXCLUDED = {"saveAsHadoopFile", "saveAsHadoopDataset", "saveAsNewAPIHadoopFile",
            "saveAsNewAPIHadoopDataset", "saveAsSequenceFile"}


def test_checklist_has_the_106_pyspark_names():
    assert len(PYSPARK_RDD_NAMES) == 106
    assert len(set(PYSPARK_RDD_NAMES)) == 106


def test_rdd_covers_at_least_95_percent_of_pyspark():
    counted = [n for n in PYSPARK_RDD_NAMES if n not in EXCLUDED]
    present = [n for n in counted if hasattr(RDD, n)]
    missing = sorted(set(counted) - set(present))
    share = len(present) / len(counted)
    print("\nember.RDD has %d of %d PySpark RDD names (%.1f%%; Hadoop writers excluded); "
          "missing: %s" % (len(present), len(counted), 100 * share, ", ".join(missing) or "none"))
    assert share >= 0.95, "missing: %s" % missing


def test_public_attributes_and_operator(sc):
    rdd = sc.parallelize([1, 2])
    assert rdd.is_cached is False and rdd.is_checkpointed is False
    assert rdd.partitioner is None
    assert (rdd + rdd).count() == 4
    assert rdd.context is sc
