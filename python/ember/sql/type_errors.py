"""The errors ``ember.sql.types`` and ``ember.sql.conversion`` raise, with PySpark's error
classes and message text (``[FIELD_NOT_NULLABLE_WITH_NAME] a: This field is not nullable, but
got None.``), as the ``ember.errors`` twins of ``pyspark.errors``' exceptions."""

from typing import Dict

from ember import errors

__all__ = ["type_error", "value_error", "key_error", "index_error", "attribute_error",
           "runtime_error"]

_MESSAGES: Dict[str, str] = {
    "CANNOT_INFER_SCHEMA_FOR_TYPE": "Can not infer schema for type: `<data_type>`.",
    "CANNOT_INFER_TYPE_FOR_FIELD": "Unable to infer the type of the field `<field_name>`.",
    "CANNOT_MERGE_TYPE": "Can not merge type `<data_type1>` and `<data_type2>`.",
    "CANNOT_DETERMINE_TYPE": "Some of types cannot be determined after inferring.",
    "CANNOT_INFER_EMPTY_SCHEMA": "Can not infer schema from an empty dataset.",
    "UNSUPPORTED_DATA_TYPE": "Unsupported DataType `<data_type>`.",
    "CANNOT_PARSE_DATATYPE": "Unable to parse datatype. <error>.",
    "FIELD_DATA_TYPE_UNACCEPTABLE": "<data_type> can not accept object <obj> in type <obj_type>.",
    "FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME":
        "<field_name>: <data_type> can not accept object <obj> in type <obj_type>.",
    "FIELD_NOT_NULLABLE": "Field is not nullable, but got None.",
    "FIELD_NOT_NULLABLE_WITH_NAME": "<field_name>: This field is not nullable, but got None.",
    "FIELD_STRUCT_LENGTH_MISMATCH":
        "Length of object (<object_length>) does not match with length of fields (<field_length>).",
    "FIELD_STRUCT_LENGTH_MISMATCH_WITH_NAME": "<field_name>: Length of object (<object_length>) "
                                              "does not match with length of fields (<field_length>).",
    "VALUE_OUT_OF_BOUNDS": "Value for `<arg_name>` must be between <lower_bound> and "
                           "<upper_bound> (inclusive), got <actual>",
    "KEY_NOT_EXISTS": "Key `<key>` does not exist.",
    "INDEX_OUT_OF_RANGE": "<arg_name> index out of range, got '<index>'.",
    "NOT_EXPECTED_TYPE": "Argument `<arg_name>` should be <expected_type>, got <arg_type>.",
    "ARGUMENT_REQUIRED": "Argument `<arg_name>` is required when <condition>.",
    "INVALID_TYPENAME_CALL": "StructField does not have typeName. Use typeName on its type "
                             "explicitly instead.",
    "ATTRIBUTE_NOT_SUPPORTED": "Attribute `<attr_name>` is not supported.",
    "READ_ONLY": "<object> is read-only.",
    "CANNOT_SET_TOGETHER": "<arg_list> should not be set together.",
    "TOO_MANY_VALUES": "Expected <expected> values for `<item>`, got <actual>.",
    "CANNOT_CONVERT_TYPE": "Cannot convert <from_type> into <to_type>.",
    "LENGTH_SHOULD_BE_THE_SAME": "<arg1> and <arg2> should be of the same length, got "
                                 "<arg1_length> and <arg2_length>.",
}


def _make(cls: type, error_class: str, params: Dict[str, str]) -> errors.PySparkException:
    message = _MESSAGES[error_class]
    for key, value in params.items():
        message = message.replace("<%s>" % key, str(value))
    return cls(message, error_class, {k: str(v) for k, v in params.items()})


def type_error(error_class: str, **params) -> errors.PySparkTypeError:
    return _make(errors.PySparkTypeError, error_class, params)


def value_error(error_class: str, **params) -> errors.PySparkValueError:
    return _make(errors.PySparkValueError, error_class, params)


def key_error(error_class: str, **params) -> errors.PySparkKeyError:
    return _make(errors.PySparkKeyError, error_class, params)


def index_error(error_class: str, **params) -> errors.PySparkIndexError:
    return _make(errors.PySparkIndexError, error_class, params)


def attribute_error(error_class: str, **params) -> errors.PySparkAttributeError:
    return _make(errors.PySparkAttributeError, error_class, params)


def runtime_error(error_class: str, **params) -> errors.PySparkRuntimeError:
    return _make(errors.PySparkRuntimeError, error_class, params)
