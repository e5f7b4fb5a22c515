from ember.sql.types import Row  # noqa: F401
nan = float('nan')
inf = float('inf')

EXPECTED = [
("F.get_json_object('j', '$.a')", 'get_json_object(j, $.a)', 'string', ['1', None, None, None, None]),
("F.get_json_object('j', '$.b[1]')", 'get_json_object(j, $.b[1])', 'string', ['2', None, None, None, None]),
("F.get_json_object('j', '$.c')", 'get_json_object(j, $.c)', 'string', ['{"x":"y"}', None, None, None, None]),
("F.get_json_object('j', '$.c.x')", 'get_json_object(j, $.c.x)', 'string', ['y', None, None, None, None]),
("F.get_json_object('j', '$')", 'get_json_object(j, $)', 'string', ['{"a":1,"b":[1,2],"c":{"x":"y"}}', None, '[1,2,3]', '{"a":null}', None]),
("F.json_array_length('j')", 'json_array_length(j)', 'int', [None, None, 3, None, None]),
("F.json_object_keys('j')", 'json_object_keys(j)', 'array<string>', [['a', 'b', 'c'], None, None, ['a'], None]),
("F.to_json(F.struct('s', 'n'))", 'to_json(struct(s, n))', 'string', ['{"s":"Hello World","n":3}', '{}', '{"s":"","n":0}', '{"s":"  a,b ","n":-7}', '{"s":"straße ÄB","n":2147483647}']),
("F.to_json(F.array('n', 'm'))", 'to_json(array(n, m))', 'string', ['[3,2]', '[null,null]', '[0,0]', '[-7,3]', '[2147483647,-1]']),
("F.to_json(F.create_map(F.lit('k'), 'd'))", 'to_json(map(k, d))', 'string', ['{"k":2.5}', '{"k":null}', '{"k":0.0}', '{"k":-1.5}', '{"k":1.0E300}']),
("F.from_json('j', 'a INT, b ARRAY<INT>, c MAP<STRING, STRING>')", 'from_json(j)', 'struct<a:int,b:array<int>,c:map<string,string>>', [Row(a=1, b=[1, 2], c={'x': 'y'}), None, Row(a=None, b=None, c=None), Row(a=None, b=None, c=None), Row(a=None, b=None, c=None)]),
("F.from_json('j', 'ARRAY<INT>')", 'from_json(j)', 'array<int>', [None, None, [1, 2, 3], None, None]),
('F.schema_of_json(F.lit(\'{"a": 1, "b": [1.5, null], "c": "x"}\'))', 'schema_of_json({"a": 1, "b": [1.5, null], "c": "x"})', 'string', ['STRUCT<a: BIGINT, b: ARRAY<DOUBLE>, c: STRING>', 'STRUCT<a: BIGINT, b: ARRAY<DOUBLE>, c: STRING>', 'STRUCT<a: BIGINT, b: ARRAY<DOUBLE>, c: STRING>', 'STRUCT<a: BIGINT, b: ARRAY<DOUBLE>, c: STRING>', 'STRUCT<a: BIGINT, b: ARRAY<DOUBLE>, c: STRING>']),
("F.to_json(F.struct(F.col('d').alias('d'), F.lit(None).cast('string').alias('z')))", 'to_json(struct(d AS d, CAST(NULL AS STRING) AS z))', 'string', ['{"d":2.5}', '{}', '{"d":0.0}', '{"d":-1.5}', '{"d":1.0E300}']),
]
