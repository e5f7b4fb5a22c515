from ember.sql.types import Row  # noqa: F401
nan = float('nan')
inf = float('inf')

EXPECTED = [
("F.typeof('s')", 'typeof(s)', 'string', ['string', 'string', 'string', 'string', 'string']),
("F.typeof('n')", 'typeof(n)', 'string', ['int', 'int', 'int', 'int', 'int']),
("F.typeof('d')", 'typeof(d)', 'string', ['double', 'double', 'double', 'double', 'double']),
("F.typeof(F.array('n'))", 'typeof(array(n))', 'string', ['array<int>', 'array<int>', 'array<int>', 'array<int>', 'array<int>']),
("F.equal_null('n', 'm')", 'equal_null(n, m)', 'boolean', [False, True, True, False, False]),
("F.equal_null('s', 't')", 'equal_null(s, t)', 'boolean', [False, True, True, False, False]),
('F.current_catalog()', 'current_catalog()', 'string', ['spark_catalog', 'spark_catalog', 'spark_catalog', 'spark_catalog', 'spark_catalog']),
('F.current_database()', 'current_schema()', 'string', ['default', 'default', 'default', 'default', 'default']),
('F.current_schema()', 'current_schema()', 'string', ['default', 'default', 'default', 'default', 'default']),
('F.spark_partition_id()', 'SPARK_PARTITION_ID()', 'int', [0, 0, 0, 0, 0]),
('F.monotonically_increasing_id()', 'monotonically_increasing_id()', 'bigint', [0, 1, 2, 3, 4]),
('F.input_file_name()', 'input_file_name()', 'string', ['', '', '', '', '']),
("F.sha('s')", 'sha(s)', 'string', ['0a4d55a8d778e5022fab701977c5d840bbc486d0', None, 'da39a3ee5e6b4b0d3255bfef95601890afd80709', '5ce42c9584c94905a70463a1d6b71c2e0a85def4', 'b5bb35992e3e51eeae3cd02cd803c11f82e892b4']),
("F.crc32('s')", 'crc32(s)', 'bigint', [1243066710, None, 0, 2848427422, 2231421155]),
("F.md5('s')", 'md5(s)', 'string', ['b10a8db164e0754105b7a99be72e3fe5', None, 'd41d8cd98f00b204e9800998ecf8427e', 'bf95b9c4151d1abcc0b63a4db5102734', 'b1d070ed3439758ba1e73660951cbc11']),
("F.sha2('s', 256)", 'sha2(s, 256)', 'string', ['a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e', None, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', '039eb59466ca39986d5aab2befc3d36c16f1a5483f181e7c33f0e213054cc0e1', 'a68a41a66abb728430cefbf781b90d6eab371238c103c1afe2f19d0be363b0d3']),
("F.hash('s', 'n')", 'hash(s, n)', 'int', [474631831, 42, 1143746540, 2008795152, 590368714]),
("F.xxhash64('s')", 'xxhash64(s)', 'bigint', [8557436188178888239, 42, -7444071767201028348, -4975420574012781509, -6678039457663358645]),
('F.assert_true(F.lit(True))', "assert_true(true, 'true' is not true!)", 'void', [None, None, None, None, None]),
('F.version().isNotNull()', '(version() IS NOT NULL)', 'boolean', [True, True, True, True, True]),
('F.current_user().isNotNull()', '(current_user() IS NOT NULL)', 'boolean', [True, True, True, True, True]),
]
