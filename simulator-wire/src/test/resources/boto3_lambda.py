"""boto3 Lambda against an awssim WireServer (REST-JSON): prints one JSON object of observations.

Usage: python3 boto3_lambda.py http://127.0.0.1:PORT
Function code cannot travel over the wire: CreateFunction's Handler names a handler class on the
server's class path (dev.awssim.wire.EchoHandler, from the wire module's tests). Responses are
checked against botocore's output shapes (awssim_boto3.call).
"""
import json
import sys
import urllib.request

import botocore.exceptions

from awssim_boto3 import SHAPE_ERRORS, call
import awssim_boto3

ENDPOINT = sys.argv[1]
OUT = {"shape_errors": SHAPE_ERRORS}


def admin(path):
    req = urllib.request.Request(ENDPOINT + "/_awssim/" + path, method="POST")
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def client(service):
    return awssim_boto3.client(service, ENDPOINT, "us-east-1")


def create(lam, name):
    return call(lam, "create_function", FunctionName=name, Runtime="java17",
                Role="arn:aws:iam::000000000000:role/r",
                Handler="dev.awssim.wire.EchoHandler::handleRequest",
                Code={"S3Bucket": "code", "S3Key": "echo.zip"}, MemorySize=512, Timeout=30)


def functions():
    lam = client("lambda")
    created = create(lam, "echo")
    OUT["created"] = [created["FunctionName"], created["MemorySize"], created["Timeout"],
                      created["ResponseMetadata"]["HTTPStatusCode"]]
    OUT["listed"] = [f["FunctionName"] for f in call(lam, "list_functions")["Functions"]]
    sync = call(lam, "invoke", FunctionName="echo", Payload=b'{"id":7}')
    OUT["sync"] = [sync["StatusCode"], sync.get("ExecutedVersion"), sync["Payload"].read().decode()]
    event = call(lam, "invoke", FunctionName="echo", InvocationType="Event", Payload=b"{}")
    OUT["event"] = event["StatusCode"]
    OUT["put_concurrency"] = call(lam, "put_function_concurrency", FunctionName="echo",
                                  ReservedConcurrentExecutions=0)["ReservedConcurrentExecutions"]
    try:
        lam.invoke(FunctionName="echo", Payload=b"{}")
        OUT["throttled"] = None
    except botocore.exceptions.ClientError as e:
        OUT["throttled"] = [e.response["Error"]["Code"],
                            e.response["ResponseMetadata"]["HTTPStatusCode"],
                            e.response.get("Reason"), e.response.get("Type")]
    call(lam, "delete_function_concurrency", FunctionName="echo")
    try:
        lam.get_function(FunctionName="nope")
    except botocore.exceptions.ClientError as e:
        OUT["missing"] = [e.response["Error"]["Code"],
                          e.response["ResponseMetadata"]["HTTPStatusCode"]]


def sqs_event_source():
    lam = client("lambda")
    sqs = client("sqs")
    create(lam, "worker")
    url = call(sqs, "create_queue", QueueName="work")["QueueUrl"]
    arn = call(sqs, "get_queue_attributes", QueueUrl=url,
               AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    mapping = call(lam, "create_event_source_mapping", FunctionName="worker", EventSourceArn=arn,
                   BatchSize=1)
    OUT["mapping"] = [mapping["EventSourceArn"], mapping["BatchSize"],
                      mapping["ResponseMetadata"]["HTTPStatusCode"]]
    for i in range(3):
        call(sqs, "send_message", QueueUrl=url, MessageBody="job %d" % i)
    admin("advance?seconds=60")
    attrs = call(sqs, "get_queue_attributes", QueueUrl=url,
                 AttributeNames=["ApproximateNumberOfMessages",
                                 "ApproximateNumberOfMessagesNotVisible"])["Attributes"]
    OUT["queue_after"] = [attrs["ApproximateNumberOfMessages"],
                          attrs["ApproximateNumberOfMessagesNotVisible"]]
    OUT["mapping_state"] = call(lam, "get_event_source_mapping", UUID=mapping["UUID"])["State"]


for scenario in (functions, sqs_event_source):
    try:
        scenario()
    except Exception as e:  # report, do not hide: the Java test fails on "failures"
        OUT.setdefault("failures", []).append("%s: %r" % (scenario.__name__, e))
print(json.dumps(OUT))
