/*
 * Ember's SQL lexer: Spark SQL's tokens. Keywords are case-insensitive; most of them may also
 * be used as identifiers (SqlParser.nonReserved). Comments go to the hidden channel, except a
 * hint comment opening with '/*+', which the parser reads.
 */
lexer grammar SqlLexer;

options { caseInsensitive = true; }

SEMICOLON : ';';
LEFT_PAREN : '(';
RIGHT_PAREN : ')';
COMMA : ',';
DOT : '.';
LEFT_BRACKET : '[';
RIGHT_BRACKET : ']';

// keywords (alphabetical)
ADD : 'ADD';
ALL : 'ALL';
ALTER : 'ALTER';
ANALYZE : 'ANALYZE';
AND : 'AND';
ANTI : 'ANTI';
ANY : 'ANY';
AS : 'AS';
ASC : 'ASC';
BETWEEN : 'BETWEEN';
BOTH : 'BOTH';
BUCKETS : 'BUCKETS';
BY : 'BY';
CACHE : 'CACHE';
CASE : 'CASE';
CAST : 'CAST';
CLEAR : 'CLEAR';
CLUSTER : 'CLUSTER';
CLUSTERED : 'CLUSTERED';
CODEGEN : 'CODEGEN';
COLUMNS : 'COLUMNS';
COMMENT : 'COMMENT';
COMPUTE : 'COMPUTE';
COST : 'COST';
CREATE : 'CREATE';
CROSS : 'CROSS';
CUBE : 'CUBE';
CURRENT : 'CURRENT';
DESC : 'DESC';
DESCRIBE : 'DESCRIBE';
DISTINCT : 'DISTINCT';
DISTRIBUTE : 'DISTRIBUTE';
DIV : 'DIV';
DROP : 'DROP';
ELSE : 'ELSE';
END : 'END';
ESCAPE : 'ESCAPE';
EXCEPT : 'EXCEPT';
EXISTS : 'EXISTS';
EXPLAIN : 'EXPLAIN';
EXTENDED : 'EXTENDED';
EXTRACT : 'EXTRACT';
FALSE : 'FALSE';
FILTER : 'FILTER';
FIRST : 'FIRST';
FOLLOWING : 'FOLLOWING';
FOR : 'FOR';
FORMATTED : 'FORMATTED';
FROM : 'FROM';
FULL : 'FULL';
FUNCTION : 'FUNCTION';
FUNCTIONS : 'FUNCTIONS';
GLOBAL : 'GLOBAL';
GROUP : 'GROUP';
GROUPING : 'GROUPING';
HAVING : 'HAVING';
IF : 'IF';
IGNORE : 'IGNORE';
ILIKE : 'ILIKE';
IN : 'IN';
INNER : 'INNER';
INSERT : 'INSERT';
INTERSECT : 'INTERSECT';
INTERVAL : 'INTERVAL';
INTO : 'INTO';
IS : 'IS';
JOIN : 'JOIN';
LAST : 'LAST';
LATERAL : 'LATERAL';
LAZY : 'LAZY';
LEADING : 'LEADING';
LEFT : 'LEFT';
LIKE : 'LIKE';
LIMIT : 'LIMIT';
LOGICAL : 'LOGICAL';
MINUS_KW : 'MINUS';
NATURAL : 'NATURAL';
NOSCAN : 'NOSCAN';
NOT : 'NOT';
NULL : 'NULL';
NULLS : 'NULLS';
OFFSET : 'OFFSET';
ON : 'ON';
OPTIONS : 'OPTIONS';
OR : 'OR';
ORDER : 'ORDER';
OUTER : 'OUTER';
OVER : 'OVER';
OVERWRITE : 'OVERWRITE';
PARTITION : 'PARTITION';
PARTITIONED : 'PARTITIONED';
PRECEDING : 'PRECEDING';
PURGE : 'PURGE';
QUERY : 'QUERY';
RANGE : 'RANGE';
REGEXP : 'REGEXP';
REPLACE : 'REPLACE';
RESET : 'RESET';
RESPECT : 'RESPECT';
RIGHT : 'RIGHT';
RLIKE : 'RLIKE';
ROLLUP : 'ROLLUP';
ROW : 'ROW';
ROWS : 'ROWS';
SELECT : 'SELECT';
SEMI : 'SEMI';
SET : 'SET';
SETS : 'SETS';
SHOW : 'SHOW';
SOME : 'SOME';
SORT : 'SORT';
SORTED : 'SORTED';
STATISTICS : 'STATISTICS';
TABLE : 'TABLE';
TABLES : 'TABLES';
TBLPROPERTIES : 'TBLPROPERTIES';
TEMPORARY : 'TEMPORARY' | 'TEMP';
THEN : 'THEN';
TO : 'TO';
TRAILING : 'TRAILING';
TRIM : 'TRIM';
TRUE : 'TRUE';
TRY_CAST : 'TRY_CAST';
UNBOUNDED : 'UNBOUNDED';
UNCACHE : 'UNCACHE';
UNION : 'UNION';
UNKNOWN : 'UNKNOWN';
UNSET : 'UNSET';
USE : 'USE';
USING : 'USING';
VALUES : 'VALUES';
VIEW : 'VIEW';
VIEWS : 'VIEWS';
WHEN : 'WHEN';
WHERE : 'WHERE';
WINDOW : 'WINDOW';
WITH : 'WITH';

// operators
NSEQ : '<=>';
EQ : '=' | '==';
NEQ : '<>' | '!=';
LTE : '<=' | '!>';
GTE : '>=' | '!<';
LT : '<';
GT : '>';
PLUS : '+';
MINUS : '-';
ASTERISK : '*';
SLASH : '/';
PERCENT : '%';
TILDE : '~';
AMPERSAND : '&';
PIPE : '|';
CONCAT_PIPE : '||';
HAT : '^';
BANG : '!';
DOUBLE_COLON : '::';
COLON : ':';
ARROW : '->';
QUESTION : '?';
HINT_START : '/*+';
HINT_END : '*/';

STRING_LITERAL
    : '\'' ( ~('\'' | '\\') | '\\' . | '\'\'' )* '\''
    | 'R\'' (~'\'')* '\''
    | 'R"' (~'"')* '"'
    ;

DOUBLEQUOTED_STRING : '"' ( ~('"' | '\\') | '\\' . | '""' )* '"';

BINARY_HEX : 'X\'' [0-9A-F]* '\'';

BIGINT_LITERAL : DIGIT+ 'L';
SMALLINT_LITERAL : DIGIT+ 'S';
TINYINT_LITERAL : DIGIT+ 'Y';
INTEGER_VALUE : DIGIT+;
EXPONENT_VALUE : DIGIT+ EXPONENT | DECIMAL_DIGITS EXPONENT;
DECIMAL_VALUE : DECIMAL_DIGITS;
FLOAT_LITERAL : (DIGIT+ EXPONENT? | DECIMAL_DIGITS EXPONENT?) 'F';
DOUBLE_LITERAL : (DIGIT+ EXPONENT? | DECIMAL_DIGITS EXPONENT?) 'D';
BIGDECIMAL_LITERAL : (DIGIT+ EXPONENT? | DECIMAL_DIGITS EXPONENT?) 'BD';

IDENTIFIER : (LETTER | DIGIT | '_')+;

BACKQUOTED_IDENTIFIER : '`' ( ~'`' | '``' )* '`';

fragment DECIMAL_DIGITS : DIGIT+ '.' DIGIT* | '.' DIGIT+;
fragment EXPONENT : 'E' [+-]? DIGIT+;
fragment DIGIT : [0-9];
fragment LETTER : [A-Z] | ~[\u0000-\u007F\uD800-\uDBFF];

SIMPLE_COMMENT : '--' ~[\r\n]* '\r'? '\n'? -> channel(HIDDEN);
BRACKETED_COMMENT : '/*' (~[+] .*?)? '*/' -> channel(HIDDEN);
WS : [ \t\r\n\f]+ -> channel(HIDDEN);

// anything else is one token the parser rejects, so errors point at it
UNRECOGNIZED : .;
