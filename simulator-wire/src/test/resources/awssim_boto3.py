"""Helpers shared by the boto3 scenarios: bounded clients with fake credentials, and calls whose
responses are checked against botocore's own model of the operation's output shape
(botocore.validate.ParamValidator over the parsed response): missing required members, unknown
members and wrong types are appended to SHAPE_ERRORS. Range and length constraints are left out:
they constrain input, and AWS itself answers FailedRecordCount 0 or NumberOfDecreasesToday 0
where the model says min 1.
"""
import boto3
import botocore.exceptions
from botocore.config import Config
from botocore.validate import ParamValidator

CONFIG = Config(retries={"total_max_attempts": 1}, connect_timeout=10, read_timeout=60)
SHAPE_ERRORS = []


def client(service, endpoint, region):
    return boto3.client(service, endpoint_url=endpoint, region_name=region,
                        aws_access_key_id="AKIDFAKE", aws_secret_access_key="fake", config=CONFIG)


def call(c, op, **kwargs):
    """Calls op, validates the response against botocore's output shape, returns it."""
    response = getattr(c, op)(**kwargs)
    model = c.meta.service_model.operation_model(c.meta.method_to_api_mapping[op])
    body = {k: v for k, v in response.items() if k != "ResponseMetadata"}
    if model.output_shape is not None:
        report = ParamValidator().validate(body, model.output_shape)
        for reason, name, details in report._errors:
            if reason not in ("invalid range", "invalid length"):
                SHAPE_ERRORS.append("%s: %s %s %r" % (op, reason, name, details))
    return response


def error_code(c, op, **kwargs):
    """[code, HTTP status] of the error op answers, or None when it succeeds."""
    try:
        call(c, op, **kwargs)
        return None
    except botocore.exceptions.ClientError as e:
        return [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
