"""Function cases for the functionsA families, shared by the tests and by ``reference.py``,
which runs them under PySpark to record the expected column names, types and values.

Each family is a list of Python expressions over ``F`` (the functions module) evaluated in one
``select`` over ``rows()``; the data mixes nulls, empty strings and edge values.
"""

COLUMNS = "s string, t string, n int, m int, d double, l bigint, j string, u string"


def rows():
    return [
        ("Hello World", "World", 3, 2, 2.5, 10, '{"a": 1, "b": [1, 2], "c": {"x": "y"}}',
         "https://user@spark.apache.org:8080/path/p?query=1&k=v#Ref"),
        (None, None, None, None, None, None, None, None),
        ("", "", 0, 0, 0.0, 0, "[1, 2, 3]", "http://a.b/c"),
        ("  a,b ", "b", -7, 3, -1.5, -9223372036854775808, '{"a": null}', "not a url"),
        ("straße ÄB", "ß", 2147483647, -1, 1e300, 9223372036854775807, "{bad", "a%20b+c"),
    ]


STRINGS = [
    "F.ascii('s')", "F.base64('s')", "F.unbase64(F.base64('s'))", "F.bit_length('s')",
    "F.octet_length('s')", "F.left('s', F.lit(3))", "F.right('s', F.lit(3))",
    "F.substring_index('s', 'l', 2)", "F.substring_index('s', 'l', -1)", "F.soundex('s')",
    "F.levenshtein('s', 't')", "F.levenshtein('s', 't', 3)", "F.format_number('d', 2)",
    "F.format_number('l', 0)", "F.encode('s', 'UTF-8')", "F.decode(F.encode('s', 'UTF-8'), 'UTF-8')",
    "F.btrim(F.lit('xxaxx'), F.lit('x'))", "F.btrim('s')", "F.char('n')", "F.chr(F.lit(65))",
    "F.character_length('s')", "F.elt(F.lit(2), 's', 't')", "F.elt('m', 's', 't')",
    "F.find_in_set('t', F.lit('a,World,b'))", "F.overlay('s', F.lit('XY'), F.lit(2))",
    "F.overlay('s', F.lit('XY'), F.lit(2), F.lit(0))", "F.replace('s', F.lit('l'), F.lit('L'))",
    "F.replace('s', F.lit('l'))", "F.split_part('s', F.lit(' '), F.lit(2))",
    "F.split_part('s', F.lit(' '), F.lit(-1))", "F.ucase('s')", "F.lcase('s')",
    "F.substr('s', F.lit(2), F.lit(3))", "F.position(F.lit('o'), 's')", "F.printf(F.lit('%s-%d'), 's', 'n')",
    "F.like('s', F.lit('H%'))", "F.ilike('s', F.lit('h%'))", "F.rlike('s', F.lit('o.*d'))",
    "F.regexp('s', F.lit('^H'))", "F.regexp_count('s', F.lit('[lo]'))",
    "F.regexp_extract_all('s', F.lit('(l+)'), 1)", "F.regexp_instr('s', F.lit('o'))",
    "F.regexp_substr('s', F.lit('[A-Z]\\\\w+'))", "F.mask('s')",
    "F.mask('s', F.lit('Y'), F.lit('y'), F.lit('0'), F.lit('-'))", "F.quote('s')",
    "F.url_encode('s')", "F.url_decode('u')", "F.try_url_decode(F.lit('%zz'))",
    "F.parse_url('u', F.lit('HOST'))", "F.parse_url('u', F.lit('QUERY'), F.lit('k'))",
    "F.parse_url('u', F.lit('PATH'))", "F.parse_url('u', F.lit('PROTOCOL'))", "F.parse_url('u', F.lit('REF'))",
    "F.parse_url('u', F.lit('USERINFO'))", "F.parse_url('u', F.lit('AUTHORITY'))", "F.parse_url('u', F.lit('FILE'))",
    "F.to_binary('s', F.lit('utf-8'))", "F.to_binary(F.lit('414243'))", "F.try_to_binary(F.lit('zz'), F.lit('hex'))",
    "F.to_binary(F.lit('QUJD'), F.lit('base64'))", "F.str_to_map(F.lit('a:1,b:2'))",
    "F.str_to_map(F.lit('a=1;b'), F.lit(';'), F.lit('='))", "F.is_valid_utf8('s')", "F.make_valid_utf8('s')",
    "F.validate_utf8('s')", "F.try_validate_utf8('s')", "F.sentences(F.lit('Hi there! Good day.'))",
    "F.jaro_winkler_similarity('s', 't')", "F.initcap('s')",
]

MATH = [
    "F.cosh('d')", "F.sinh('d')", "F.tanh('d')", "F.acosh('d')", "F.asinh('d')", "F.atanh(F.col('d') / 10)",
    "F.cot('d')", "F.csc('d')", "F.sec('d')", "F.expm1('d')", "F.rint('d')", "F.factorial('n')",
    "F.e()", "F.pi()", "F.hex('n')", "F.hex('s')", "F.hex('l')", "F.unhex(F.lit('414243'))", "F.unhex('s')", "F.bin('l')",
    "F.conv(F.lit('ff'), 16, 10)", "F.conv('n', 10, 2)", "F.conv('n', 10, -16)", "F.shiftleft('n', 2)", "F.shiftright('l', 3)",
    "F.shiftrightunsigned('l', 60)", "F.shiftLeft('n', 1)", "F.shiftRight('n', 1)", "F.shiftRightUnsigned('n', 1)",
    "F.bitwise_not('n')", "F.bitwiseNOT('l')", "F.bit_count('n')", "F.bit_count('l')", "F.bit_get('n', F.lit(0))",
    "F.getbit('l', F.lit(63))", "F.negate('n')", "F.negative('d')", "F.positive('l')", "F.toDegrees('d')",
    "F.toRadians('d')", "F.width_bucket('d', F.lit(0.0), F.lit(10.0), F.lit(5))", "F.nullifzero('n')",
    "F.zeroifnull('n')", "F.zeroifnull('d')", "F.try_add('n', 'm')", "F.try_add('l', F.lit(1))",
    "F.try_subtract('l', F.lit(1))", "F.try_multiply('n', 'm')", "F.try_divide('n', 'm')",
    "F.try_divide('d', F.lit(0))", "F.try_mod('n', 'm')", "F.isnan('d')", "F.isnan(F.lit(float('nan')))",
    "F.rand(42)", "F.randn(42)", "F.random(7)", "F.uniform(F.lit(0), F.lit(10), F.lit(3))",
    "F.uniform(F.lit(0.0), F.lit(1.0), F.lit(3))",
    "F.sqrt('n')", "F.log(2.0, 'd')", "F.pmod('n', 'm')",
]

MISC = [
    "F.typeof('s')", "F.typeof('n')", "F.typeof('d')", "F.typeof(F.array('n'))", "F.equal_null('n', 'm')",
    "F.equal_null('s', 't')", "F.current_catalog()", "F.current_database()", "F.current_schema()",
    "F.spark_partition_id()", "F.monotonically_increasing_id()", "F.input_file_name()", "F.sha('s')",
    "F.crc32('s')", "F.md5('s')", "F.sha2('s', 256)", "F.hash('s', 'n')", "F.xxhash64('s')",
    "F.assert_true(F.lit(True))", "F.version().isNotNull()", "F.current_user().isNotNull()",
]

JSON = [
    "F.get_json_object('j', '$.a')", "F.get_json_object('j', '$.b[1]')", "F.get_json_object('j', '$.c')",
    "F.get_json_object('j', '$.c.x')", "F.get_json_object('j', '$')", "F.json_array_length('j')",
    "F.json_object_keys('j')", "F.to_json(F.struct('s', 'n'))", "F.to_json(F.array('n', 'm'))",
    "F.to_json(F.create_map(F.lit('k'), 'd'))",
    "F.from_json('j', 'a INT, b ARRAY<INT>, c MAP<STRING, STRING>')", "F.from_json('j', 'ARRAY<INT>')",
    "F.schema_of_json(F.lit('{\"a\": 1, \"b\": [1.5, null], \"c\": \"x\"}'))",
    "F.to_json(F.struct(F.col('d').alias('d'), F.lit(None).cast('string').alias('z')))",
]

FAMILIES = {"strings": STRINGS, "math": MATH, "misc": MISC, "json": JSON}
