"""multiLine CSV and JSON: answers as PySpark 4.3 gives them for the same files (written out by
hand from its output)."""

from ember.sql import Row


def test_multiline_csv_keeps_line_breaks_inside_quotes(spark, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('id,text,n\n1,"hello\nworld",10\n2,plain,20\n3,"a ""quoted""\nline\n\nthree",30\n')
    df = spark.read.csv(str(path), header=True, inferSchema=True, multiLine=True)
    assert df.schema.simpleString() == "struct<id:string,text:string,n:int>"
    # Spark's default escape is a backslash, so "" does not escape a quote: PySpark's answer.
    assert [tuple(r) for r in df.orderBy("id").collect()] == [
        ("1", "hello\nworld", 10), ("2", "plain", 20), ("3", '"a ""quoted""', None), ("line", None, None),
        ('three"', "30", None)]
    simple = tmp_path / "b.csv"
    simple.write_text('k,v\na,"x\ny"\nb,z\n')
    assert [tuple(r) for r in spark.read.csv(str(simple), header=True, multiLine=True).collect()] == [
        ("a", "x\ny"), ("b", "z")]


def test_multiline_json_reads_arrays_and_objects(spark, tmp_path):
    (tmp_path / "arr.json").write_text('[{"a": 1, "b": {"c": "x"}},\n {"a": 2,\n  "b": {"c": "y"}}]\n')
    (tmp_path / "obj.json").write_text('{\n  "a": 3,\n  "b": {"c": "z"}\n}\n')
    df = spark.read.option("multiLine", "true").json([str(tmp_path / "arr.json"), str(tmp_path / "obj.json")])
    assert df.schema.simpleString() == "struct<a:bigint,b:struct<c:string>>"
    assert sorted(tuple(r) for r in df.collect()) == [(1, Row(c="x")), (2, Row(c="y")), (3, Row(c="z"))]
