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
]
