"""boto3 against an awssim WireServer: prints one JSON object of observations.

Usage: python3 boto3_scenarios.py http://127.0.0.1:PORT
Every response is also checked against botocore's own model of the operation's output shape
(awssim_boto3.call); what does not match is listed under "shape_errors".
"""
import json
import sys
import urllib.request

from awssim_boto3 import SHAPE_ERRORS, call, error_code
import awssim_boto3

ENDPOINT = sys.argv[1]
OUT = {"shape_errors": SHAPE_ERRORS}


def admin(path):
    req = urllib.request.Request(ENDPOINT + "/_awssim/" + path, method="POST" if "?" in path else "GET")
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def client(service):
    return awssim_boto3.client(service, ENDPOINT, "us-east-1")


def sqs():
    c = client("sqs")
    url = call(c, "create_queue", QueueName="jobs")["QueueUrl"]
    call(c, "send_message", QueueUrl=url, MessageBody="job-1")
    first = call(c, "receive_message", QueueUrl=url, AttributeNames=["All"])["Messages"]
    admin("advance?seconds=29.999")
    OUT["sqs_visible_at_29_999"] = len(call(c, "receive_message", QueueUrl=url).get("Messages", []))
    admin("advance?seconds=0.001")
    again = call(c, "receive_message", QueueUrl=url, AttributeNames=["All"])["Messages"]
    OUT["sqs_visible_at_30_000"] = len(again)
    OUT["sqs_receive_count"] = again[0]["Attributes"]["ApproximateReceiveCount"]
    OUT["sqs_same_message"] = again[0]["MessageId"] == first[0]["MessageId"]

    fifo = call(c, "create_queue", QueueName="orders.fifo",
                Attributes={"FifoQueue": "true", "ContentBasedDeduplication": "true"})["QueueUrl"]
    for body, group in [("a1", "a"), ("a2", "a"), ("b1", "b")]:
        call(c, "send_message", QueueUrl=fifo, MessageBody=body, MessageGroupId=group)
    got = call(c, "receive_message", QueueUrl=fifo, MaxNumberOfMessages=10)["Messages"]
    OUT["fifo_first_receive"] = [m["Body"] for m in got]
    OUT["fifo_while_in_flight"] = len(call(c, "receive_message", QueueUrl=fifo).get("Messages", []))

    dlq = call(c, "create_queue", QueueName="dead")["QueueUrl"]
    dlq_arn = call(c, "get_queue_attributes", QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    src = call(c, "create_queue", QueueName="work", Attributes={
        "VisibilityTimeout": "5",
        "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": "1"})})["QueueUrl"]
    call(c, "send_message", QueueUrl=src, MessageBody="poison")
    call(c, "receive_message", QueueUrl=src)
    admin("advance?seconds=5")
    OUT["dlq_source_after_max_receives"] = len(call(c, "receive_message", QueueUrl=src).get("Messages", []))
    moved = call(c, "receive_message", QueueUrl=dlq).get("Messages", [])
    OUT["dlq_bodies"] = [m["Body"] for m in moved]
    OUT["sqs_missing_queue"] = error_code(c, "get_queue_url", QueueName="nope")


def dynamodb():
    c = client("dynamodb")
    call(c, "create_table", TableName="users",
         AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                               {"AttributeName": "sk", "AttributeType": "N"}],
         KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
         BillingMode="PAY_PER_REQUEST")
    for i in range(5):
        call(c, "put_item", TableName="users", Item={"pk": {"S": "u"}, "sk": {"N": str(i)}, "v": {"L": [{"BOOL": True}]}})
    OUT["ddb_conditional"] = error_code(c, "put_item", TableName="users",
                                        Item={"pk": {"S": "u"}, "sk": {"N": "1"}},
                                        ConditionExpression="attribute_not_exists(pk)")
    pages, key = [], None
    while True:
        kwargs = {"TableName": "users", "KeyConditionExpression": "pk = :p",
                  "ExpressionAttributeValues": {":p": {"S": "u"}}, "Limit": 2}
        if key:
            kwargs["ExclusiveStartKey"] = key
        page = call(c, "query", **kwargs)
        pages.append([int(i["sk"]["N"]) for i in page["Items"]])
        key = page.get("LastEvaluatedKey")
        if not key:
            break
    OUT["ddb_query_pages"] = pages
    call(c, "describe_table", TableName="users")

    call(c, "create_table", TableName="small",
         AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
         KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
         ProvisionedThroughput={"ReadCapacityUnits": 1, "WriteCapacityUnits": 1})
    big = "x" * (300 * 1024)
    outcomes = []
    for i in range(4):
        outcomes.append(error_code(c, "put_item", TableName="small", Item={"pk": {"S": "k%d" % i}, "v": {"S": big}}))
    OUT["ddb_small_table_writes"] = outcomes


def kinesis():
    c = client("kinesis")
    call(c, "create_stream", StreamName="clicks", ShardCount=1)
    admin("advance?seconds=60")
    call(c, "describe_stream", StreamName="clicks")
    recs = [{"Data": b"r%d" % i, "PartitionKey": "p%d" % i} for i in range(500)]
    failed = []
    for _ in range(3):
        r = call(c, "put_records", StreamName="clicks", Records=recs)
        failed.append(r["FailedRecordCount"])
    OUT["kinesis_failed_per_batch"] = failed
    codes = {e.get("ErrorCode") for e in r["Records"] if "ErrorCode" in e}
    OUT["kinesis_error_codes"] = sorted(codes)
    admin("advance?seconds=1")
    OUT["kinesis_failed_next_second"] = call(c, "put_records", StreamName="clicks", Records=recs[:10])["FailedRecordCount"]
    shard = call(c, "list_shards", StreamName="clicks")["Shards"][0]["ShardId"]
    it = call(c, "get_shard_iterator", StreamName="clicks", ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    OUT["kinesis_first_records"] = [r["Data"].decode() for r in call(c, "get_records", ShardIterator=it, Limit=3)["Records"]]


for scenario in (sqs, dynamodb, kinesis):
    try:
        scenario()
    except Exception as e:  # report, so the Java test shows what failed
        OUT.setdefault("failures", []).append("%s: %r" % (scenario.__name__, e))
print(json.dumps(OUT, sort_keys=True))
