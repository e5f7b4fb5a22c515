/*
 * Ember's SQL grammar: Spark SQL's dialect for queries and the commands Ember runs. The AST
 * builders (io.ember.sql.parser.*Builder) turn a parse tree into the unresolved logical plans
 * the DataFrame API builds. Precedence follows Spark: INTERSECT binds tighter than UNION and
 * EXCEPT; in expressions, unary > * / % DIV > + - || > & > ^ > | > comparisons > predicates
 * (IN, BETWEEN, LIKE, IS) > NOT > AND > OR.
 */
parser grammar SqlParser;

options { tokenVocab = SqlLexer; }

singleStatement : statement SEMICOLON* EOF ;
singleExpression : namedExpression EOF ;
singleMultipartIdentifier : multipartIdentifier EOF ;

// ---- statements ---------------------------------------------------------------------------

statement
    : query                                                                          #statementDefault
    | EXPLAIN explainMode=(LOGICAL | FORMATTED | EXTENDED | CODEGEN | COST)? statement        #explain
    | SET .*?                                                                        #setConfiguration
    | RESET .*?                                                                      #resetConfiguration
    | USE multipartIdentifier                                                        #use
    | SHOW TABLES ((FROM | IN) ns=multipartIdentifier)? (LIKE? pattern=stringLit)?    #showTables
    | SHOW VIEWS ((FROM | IN) ns=multipartIdentifier)? (LIKE? pattern=stringLit)?     #showViews
    | SHOW kind=identifier? FUNCTIONS (LIKE? (pattern=stringLit | name=multipartIdentifier))?  #showFunctions
    | SHOW COLUMNS (FROM | IN) table=multipartIdentifier ((FROM | IN) ns=multipartIdentifier)?  #showColumns
    | (DESC | DESCRIBE) FUNCTION EXTENDED? describeFuncName                           #describeFunction
    | (DESC | DESCRIBE) QUERY query                                                  #describeQuery
    | (DESC | DESCRIBE) TABLE? option=(EXTENDED | FORMATTED)? multipartIdentifier    #describeRelation
    | CACHE LAZY? TABLE multipartIdentifier (OPTIONS propertyList)? (AS? query)?      #cacheTable
    | UNCACHE TABLE (IF EXISTS)? multipartIdentifier                                 #uncacheTable
    | CLEAR CACHE                                                                    #clearCache
    | CREATE (OR REPLACE)? GLOBAL? TEMPORARY VIEW (IF NOT EXISTS)? multipartIdentifier
        identifierList? (COMMENT comment=stringLit)? AS query                        #createTempView
    | DROP VIEW (IF EXISTS)? multipartIdentifier                                     #dropView
    | (CREATE (OR REPLACE)? | REPLACE) TABLE (IF NOT EXISTS)? multipartIdentifier
        (LEFT_PAREN colDefinition (COMMA colDefinition)* RIGHT_PAREN)?
        (USING provider=multipartIdentifier)? createTableClause* (AS? query)?        #createTable
    | INSERT (INTO | OVERWRITE) TABLE? multipartIdentifier
        (identifierList | BY byName=identifier)? query                               #insertInto
    | SHOW TBLPROPERTIES table=multipartIdentifier
        (LEFT_PAREN key=propertyKey RIGHT_PAREN)?                                    #showTblProperties
    | ALTER (TABLE | VIEW) multipartIdentifier SET TBLPROPERTIES propertyList        #setTableProperties
    | ALTER (TABLE | VIEW) multipartIdentifier UNSET TBLPROPERTIES (IF EXISTS)? propertyList  #unsetTableProperties
    | SHOW CREATE TABLE multipartIdentifier (AS serde=identifier)?                   #showCreateTable
    | DROP TABLE (IF EXISTS)? multipartIdentifier PURGE?                             #dropTable
    | ANALYZE TABLE multipartIdentifier COMPUTE STATISTICS
        (NOSCAN | FOR COLUMNS identifierSeq | FOR ALL COLUMNS)?                      #analyzeTable
    ;

createTableClause
    : PARTITIONED BY identifierList
    | bucketSpec
    | OPTIONS propertyList
    | COMMENT comment=stringLit
    | TBLPROPERTIES propertyList
    ;

bucketSpec
    : CLUSTERED BY identifierList (SORTED BY LEFT_PAREN orderedIdentifier (COMMA orderedIdentifier)* RIGHT_PAREN)?
      INTO INTEGER_VALUE BUCKETS
    ;

orderedIdentifier : errorCapturingIdentifier ordering=(ASC | DESC)? ;

// A function name after DESCRIBE FUNCTION: a name, a quoted name, or an operator's symbol.
describeFuncName
    : multipartIdentifier
    | stringLit
    | comparisonOperator
    | PLUS | MINUS | ASTERISK | SLASH | PERCENT | DIV | TILDE | AMPERSAND | PIPE | CONCAT_PIPE | HAT | BANG
    ;

colDefinition : name=errorCapturingIdentifier dataType (NOT NULL)? (COMMENT comment=stringLit)? ;

propertyList : LEFT_PAREN property (COMMA property)* RIGHT_PAREN ;
property : key=propertyKey (EQ? value=propertyValue)? ;
propertyKey : identifier (DOT identifier)* | stringLit ;
propertyValue : INTEGER_VALUE | DECIMAL_VALUE | booleanValue | stringLit ;

// ---- queries ------------------------------------------------------------------------------

query : ctes? queryTerm queryOrganization ;

ctes : WITH namedQuery (COMMA namedQuery)* ;

namedQuery : name=errorCapturingIdentifier identifierList? AS? LEFT_PAREN query RIGHT_PAREN ;

queryTerm
    : queryPrimary                                                                   #queryTermDefault
    | left=queryTerm operator=INTERSECT setQuantifier? right=queryTerm                 #setOperation
    | left=queryTerm operator=(UNION | EXCEPT | MINUS_KW) setQuantifier? right=queryTerm #setOperation
    ;

queryPrimary
    : querySpecification                                                             #queryPrimaryDefault
    | TABLE multipartIdentifier                                                      #table
    | inlineTable                                                                    #inlineTableDefault
    | LEFT_PAREN query RIGHT_PAREN                                                   #subquery
    ;

queryOrganization
    : (ORDER BY order+=sortItem (COMMA order+=sortItem)*)?
      (SORT BY sort+=sortItem (COMMA sort+=sortItem)*)?
      (LIMIT (ALL | limit=expression))?
      (OFFSET offset=expression)?
    ;

querySpecification
    : selectClause fromClause? lateralView* whereClause? aggregationClause? havingClause? windowClause?
    ;

selectClause : SELECT (hints+=hint)* setQuantifier? namedExpressionSeq ;

hint : HINT_START hintStatement (COMMA? hintStatement)* HINT_END ;

hintStatement : name=identifier (LEFT_PAREN parameters+=primaryExpression (COMMA parameters+=primaryExpression)* RIGHT_PAREN)? ;

fromClause : FROM relation (COMMA relation)* lateralView* ;

whereClause : WHERE booleanExpression ;

havingClause : HAVING booleanExpression ;

aggregationClause
    : GROUP BY groupByItem (COMMA groupByItem)* (WITH kind=(ROLLUP | CUBE))?
    | GROUP BY expression (COMMA expression)* GROUPING SETS LEFT_PAREN groupingSet (COMMA groupingSet)* RIGHT_PAREN
    ;

groupByItem
    : kind=(ROLLUP | CUBE) LEFT_PAREN groupingSet (COMMA groupingSet)* RIGHT_PAREN
    | GROUPING SETS LEFT_PAREN groupingSet (COMMA groupingSet)* RIGHT_PAREN
    | expression
    ;

groupingSet
    : LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN
    | expression
    ;

lateralView
    : LATERAL VIEW OUTER? function=qualifiedName LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN
      tblName=identifier (AS? colName+=identifier (COMMA colName+=identifier)*)?
    ;

setQuantifier : DISTINCT | ALL ;

relation : relationPrimary joinRelation* ;

joinRelation
    : joinType JOIN right=relationPrimary joinCriteria?
    | NATURAL joinType JOIN right=relationPrimary
    ;

joinType
    : INNER?
    | CROSS
    | LEFT OUTER?
    | LEFT? SEMI
    | RIGHT OUTER?
    | FULL OUTER?
    | LEFT? ANTI
    ;

joinCriteria
    : ON booleanExpression
    | USING identifierList
    ;

relationPrimary
    : multipartIdentifier tableAlias                                                 #tableName
    | LEFT_PAREN query RIGHT_PAREN tableAlias                                        #aliasedQuery
    | LEFT_PAREN relation RIGHT_PAREN tableAlias                                     #aliasedRelation
    | inlineTable                                                                    #inlineTableRelation
    | functionName LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN tableAlias #tableValuedFunction
    | LATERAL functionName LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN tableAlias #lateralTableFunction
    | LATERAL LEFT_PAREN query RIGHT_PAREN tableAlias                                #lateralQuery
    ;

inlineTable : VALUES expression (COMMA expression)* tableAlias ;

tableAlias : (AS? strictIdentifier identifierList?)? ;

identifierList : LEFT_PAREN identifierSeq RIGHT_PAREN ;

identifierSeq : errorCapturingIdentifier (COMMA errorCapturingIdentifier)* ;

sortItem : expression ordering=(ASC | DESC)? (NULLS nullOrder=(LAST | FIRST))? ;

windowClause : WINDOW namedWindow (COMMA namedWindow)* ;

namedWindow : name=errorCapturingIdentifier AS windowSpec ;

windowSpec
    : name=errorCapturingIdentifier                                                  #windowRef
    | LEFT_PAREN name=errorCapturingIdentifier RIGHT_PAREN                           #windowRef
    | LEFT_PAREN
      ((PARTITION | DISTRIBUTE) BY partition+=expression (COMMA partition+=expression)*)?
      ((ORDER | SORT) BY sortItem (COMMA sortItem)*)?
      windowFrame?
      RIGHT_PAREN                                                                    #windowDef
    ;

windowFrame
    : frameType=(RANGE | ROWS) start=frameBound
    | frameType=(RANGE | ROWS) BETWEEN start=frameBound AND end=frameBound
    ;

frameBound
    : UNBOUNDED boundType=(PRECEDING | FOLLOWING)
    | boundType=CURRENT ROW
    | valueExpression boundType=(PRECEDING | FOLLOWING)
    ;

// ---- expressions --------------------------------------------------------------------------

namedExpressionSeq : namedExpression (COMMA namedExpression)* ;

namedExpression : expression (AS? (name=errorCapturingIdentifier | identifierList))? ;

expression : booleanExpression ;

booleanExpression
    : (NOT | BANG) booleanExpression                                                 #logicalNot
    | EXISTS LEFT_PAREN query RIGHT_PAREN                                            #exists
    | valueExpression predicate?                                                     #predicated
    | left=booleanExpression operator=AND right=booleanExpression                    #logicalBinary
    | left=booleanExpression operator=OR right=booleanExpression                     #logicalBinary
    ;

predicate
    : NOT? kind=BETWEEN lower=valueExpression AND upper=valueExpression
    | NOT? kind=IN LEFT_PAREN query RIGHT_PAREN
    | NOT? kind=IN LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN
    | NOT? kind=(RLIKE | REGEXP) pattern=valueExpression
    | NOT? kind=(LIKE | ILIKE) pattern=valueExpression (ESCAPE escapeChar=stringLit)?
    | IS NOT? kind=NULL
    | IS NOT? kind=(TRUE | FALSE | UNKNOWN)
    | IS NOT? kind=DISTINCT FROM right=valueExpression
    ;

valueExpression
    : primaryExpression                                                              #valueExpressionDefault
    | operator=(MINUS | PLUS | TILDE) valueExpression                                #arithmeticUnary
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT | DIV) right=valueExpression  #arithmeticBinary
    | left=valueExpression operator=(PLUS | MINUS | CONCAT_PIPE) right=valueExpression #arithmeticBinary
    | left=valueExpression operator=AMPERSAND right=valueExpression                  #arithmeticBinary
    | left=valueExpression operator=HAT right=valueExpression                        #arithmeticBinary
    | left=valueExpression operator=PIPE right=valueExpression                       #arithmeticBinary
    | left=valueExpression comparisonOperator right=valueExpression                  #comparison
    ;

comparisonOperator : EQ | NEQ | LT | LTE | GT | GTE | NSEQ ;

primaryExpression
    : CASE whenClause+ (ELSE elseExpression=expression)? END                         #searchedCase
    | CASE value=expression whenClause+ (ELSE elseExpression=expression)? END        #simpleCase
    | name=(CAST | TRY_CAST) LEFT_PAREN expression AS dataType RIGHT_PAREN           #cast
    | EXTRACT LEFT_PAREN field=identifier FROM source=valueExpression RIGHT_PAREN    #extract
    | TRIM LEFT_PAREN trimOption=(BOTH | LEADING | TRAILING)? (trimStr=valueExpression)?
        FROM srcStr=valueExpression RIGHT_PAREN                                      #trim
    | constant                                                                       #constantDefault
    | ASTERISK                                                                       #star
    | qualifiedName DOT ASTERISK                                                     #star
    | LEFT_PAREN namedExpression (COMMA namedExpression)+ RIGHT_PAREN                #rowConstructor
    | LEFT_PAREN query RIGHT_PAREN                                                   #subqueryExpression
    | {"struct".equalsIgnoreCase(_input.LT(1).getText()) && "(".equals(_input.LT(2).getText())}?
        identifier LEFT_PAREN namedExpression (COMMA namedExpression)* RIGHT_PAREN     #structConstructor
    | functionName LEFT_PAREN (setQuantifier? argument+=expression (COMMA argument+=expression)*)? RIGHT_PAREN
        (FILTER LEFT_PAREN WHERE where=booleanExpression RIGHT_PAREN)?
        (nullsOption=(IGNORE | RESPECT) NULLS)? (OVER windowSpec)?                   #functionCall
    | identifier ARROW expression                                                    #lambda
    | LEFT_PAREN identifier (COMMA identifier)+ RIGHT_PAREN ARROW expression         #lambda
    | value=primaryExpression LEFT_BRACKET index=valueExpression RIGHT_BRACKET       #subscript
    | identifier                                                                     #columnReference
    | base=primaryExpression DOT fieldName=fieldIdentifier                           #dereference
    | LEFT_PAREN expression RIGHT_PAREN                                              #parenthesizedExpression
    | primaryExpression DOUBLE_COLON dataType                                        #castByColon
    ;

whenClause : WHEN condition=expression THEN result=expression ;

constant
    : NULL                                                                           #nullLiteral
    | COLON identifier                                                               #namedParameterLiteral
    | QUESTION                                                                       #positionalParameterLiteral
    | interval                                                                       #intervalLiteral
    | identifier stringLit                                                           #typeConstructor
    | number                                                                         #numericLiteral
    | booleanValue                                                                   #booleanLiteral
    | BINARY_HEX                                                                     #binaryLiteral
    | stringLit+                                                                     #stringLiteral
    ;

interval
    : INTERVAL intervalUnit+
    | INTERVAL value=intervalValue from=identifier TO to=identifier
    ;

intervalUnit : value=intervalValue unit=identifier ;

intervalValue : (PLUS | MINUS)? (INTEGER_VALUE | DECIMAL_VALUE | stringLit) ;

booleanValue : TRUE | FALSE ;

stringLit : STRING_LITERAL | DOUBLEQUOTED_STRING ;

number
    : MINUS? EXPONENT_VALUE                                                          #exponentLiteral
    | MINUS? DECIMAL_VALUE                                                           #decimalLiteral
    | MINUS? INTEGER_VALUE                                                           #integerLiteral
    | MINUS? BIGINT_LITERAL                                                          #bigIntLiteral
    | MINUS? SMALLINT_LITERAL                                                        #smallIntLiteral
    | MINUS? TINYINT_LITERAL                                                         #tinyIntLiteral
    | MINUS? DOUBLE_LITERAL                                                          #doubleLiteral
    | MINUS? FLOAT_LITERAL                                                           #floatLiteral
    | MINUS? BIGDECIMAL_LITERAL                                                      #bigDecimalLiteral
    ;

// A type as Spark's DDL writes it; the builder hands the text to io.ember.sql.types.DdlParser.
dataType
    : INTERVAL from=identifier (TO to=identifier)?
    | identifier (LEFT_PAREN INTEGER_VALUE (COMMA INTEGER_VALUE)* RIGHT_PAREN)?
    | identifier LT dataType (COMMA dataType)? GT
    | identifier LT structField (COMMA structField)* GT
    | identifier LT GT
    ;

structField : identifier COLON? dataType (NOT NULL)? (COMMENT stringLit)? ;

functionName : qualifiedName ;

// A struct field after a dot: any identifier, and END (a window's w.end), which CASE reserves elsewhere.
fieldIdentifier : identifier | END ;

qualifiedName : identifier (DOT identifier)* ;

multipartIdentifier : parts+=errorCapturingIdentifier (DOT parts+=errorCapturingIdentifier)* ;

errorCapturingIdentifier : identifier ;

identifier : strictIdentifier | strictNonReserved ;

strictIdentifier
    : IDENTIFIER                                                                     #unquotedIdentifier
    | BACKQUOTED_IDENTIFIER                                                          #quotedIdentifier
    | nonReserved                                                                    #unquotedIdentifier
    ;

// Keywords a table alias may not be (they continue a FROM clause), but other names may.
strictNonReserved : ANTI | CROSS | EXCEPT | FULL | INNER | INTERSECT | JOIN | LATERAL | LEFT | MINUS_KW
    | NATURAL | ON | RIGHT | SEMI | UNION | USING ;

// Keywords that are also ordinary identifiers.
nonReserved
    : ADD | ALTER | ANALYZE | ANY | ASC | BOTH | BUCKETS | BY | CACHE | CLEAR | CLUSTER | CLUSTERED | CODEGEN | COLUMNS | COMMENT | COMPUTE
    | COST | CUBE | CURRENT | DESC | DESCRIBE | DISTRIBUTE | DIV | DROP | ESCAPE | EXISTS | EXPLAIN | EXTENDED
    | EXTRACT | FILTER | FIRST | FOLLOWING | FORMATTED | FUNCTION | FUNCTIONS | GLOBAL | GROUPING | IF | IGNORE
    | ILIKE | INSERT | INTERVAL | LAST | LAZY | LEADING | LIKE | LIMIT | LOGICAL | NOSCAN | NULLS | OFFSET
    | OPTIONS | OVER | OVERWRITE | PARTITION | PARTITIONED | PRECEDING | PURGE | QUERY | RANGE | REGEXP
    | REPLACE | RESET | RESPECT | RLIKE | ROLLUP | ROW | ROWS | SET | SETS | SHOW | SOME | SORT | SORTED
    | STATISTICS | TABLES | TBLPROPERTIES | TEMPORARY | TRAILING | TRIM | TRY_CAST | UNBOUNDED | UNCACHE
    | UNKNOWN | UNSET | USE | VALUES | VIEW | VIEWS | WINDOW
    ;
