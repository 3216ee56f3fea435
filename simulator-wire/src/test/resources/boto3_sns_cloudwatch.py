"""boto3 SNS, CloudWatch and Regions against awssim WireServers: prints one JSON object.

Usage: python3 boto3_sns_cloudwatch.py http://127.0.0.1:PORT
The server's default Region is us-east-1; clients of eu-west-1 reach that Region. SNS speaks the Query
protocol; CloudWatch the protocol botocore picks first from its model (Smithy RPC v2 CBOR in
botocore 1.4x). Responses are checked against botocore's output shapes (awssim_boto3.call).
"""
import json
import sys

import botocore

from awssim_boto3 import SHAPE_ERRORS, call, client, error_code

US = sys.argv[1]
OUT = {"shape_errors": SHAPE_ERRORS, "botocore": botocore.__version__}


def sns_to_sqs():
    sqs = client("sqs", US, "us-east-1")
    sns = client("sns", US, "us-east-1")
    url = call(sqs, "create_queue", QueueName="fanout")["QueueUrl"]
    queue_arn = call(sqs, "get_queue_attributes", QueueUrl=url,
                     AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    topic = call(sns, "create_topic", Name="news", Attributes={"DisplayName": "News"})["TopicArn"]
    OUT["topic_arn"] = topic
    sub = call(sns, "subscribe", TopicArn=topic, Protocol="sqs", Endpoint=queue_arn,
               Attributes={"RawMessageDelivery": "true"}, ReturnSubscriptionArn=True)
    OUT["subscription_attrs_raw"] = call(sns, "get_subscription_attributes",
                                         SubscriptionArn=sub["SubscriptionArn"])["Attributes"]["RawMessageDelivery"]
    OUT["topic_display_name"] = call(sns, "get_topic_attributes",
                                     TopicArn=topic)["Attributes"]["DisplayName"]
    OUT["topics"] = [t["TopicArn"] for t in call(sns, "list_topics")["Topics"]]
    call(sns, "publish", TopicArn=topic, Message="breaking",
         MessageAttributes={"kind": {"DataType": "String", "StringValue": "alert"}})
    got = call(sqs, "receive_message", QueueUrl=url, MessageAttributeNames=["All"],
               WaitTimeSeconds=1)["Messages"]
    OUT["sqs_bodies"] = [m["Body"] for m in got]
    OUT["sqs_kind"] = got[0]["MessageAttributes"]["kind"]["StringValue"]
    OUT["sns_missing_topic"] = error_code(sns, "publish",
                                          TopicArn="arn:aws:sns:us-east-1:000000000000:nope",
                                          Message="x")


def cloudwatch():
    cw = client("cloudwatch", US, "us-east-1")
    OUT["cloudwatch_protocol"] = cw.meta.service_model.protocol
    call(cw, "put_metric_data", Namespace="Shop/App",
         MetricData=[{"MetricName": "Orders", "Value": 3.0,
                      "Dimensions": [{"Name": "Shop", "Value": "north"}]},
                     {"MetricName": "Orders", "Value": 4.0,
                      "Dimensions": [{"Name": "Shop", "Value": "north"}]}])
    OUT["cloudwatch_reserved"] = error_code(
        cw, "put_metric_data", Namespace="AWS/SQS", MetricData=[{"MetricName": "X", "Value": 1.0}])


def regions():
    """One server, clients of two Regions: each Region's own queues, topics, tables, metrics."""
    eu_sqs = client("sqs", US, "eu-west-1")
    us_sqs = client("sqs", US, "us-east-1")
    url = call(eu_sqs, "create_queue", QueueName="here")["QueueUrl"]
    OUT["eu_queue_url"] = url
    OUT["us_queue_url"] = call(us_sqs, "create_queue", QueueName="here")["QueueUrl"]
    OUT["eu_queue_arn"] = call(eu_sqs, "get_queue_attributes", QueueUrl=url,
                               AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    call(eu_sqs, "send_message", QueueUrl=url, MessageBody="bonjour")
    OUT["us_received"] = len(call(us_sqs, "receive_message", QueueUrl=OUT["us_queue_url"],
                                  WaitTimeSeconds=0).get("Messages", []))
    OUT["eu_received"] = [m["Body"] for m in call(eu_sqs, "receive_message", QueueUrl=url,
                                                   WaitTimeSeconds=0)["Messages"]]
    OUT["eu_url_on_us_endpoint"] = error_code(us_sqs, "send_message", QueueUrl=url,
                                              MessageBody="lost")
    OUT["eu_topic_arn"] = call(client("sns", US, "eu-west-1"), "create_topic", Name="t")["TopicArn"]
    OUT["us_topics_after_eu"] = [t["TopicArn"] for t in
                                 call(client("sns", US, "us-east-1"), "list_topics")["Topics"]]
    eu_ddb = client("dynamodb", US, "eu-west-1")
    OUT["eu_table_arn"] = call(eu_ddb, "create_table", TableName="carts",
                               BillingMode="PAY_PER_REQUEST",
                               AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                               KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}]
                               )["TableDescription"]["TableArn"]
    OUT["us_tables"] = call(client("dynamodb", US, "us-east-1"), "list_tables")["TableNames"]
    call(client("cloudwatch", US, "eu-west-1"), "put_metric_data", Namespace="Shop/App",
         MetricData=[{"MetricName": "Orders", "Value": 5.0,
                      "Dimensions": [{"Name": "Shop", "Value": "north"}]}])
    OUT["malformed_region"] = error_code(client("sqs", US, "Mars"), "list_queues")


for scenario in (sns_to_sqs, cloudwatch, regions):
    try:
        scenario()
    except Exception as e:  # report, do not hide: the Java test fails on "failures"
        OUT.setdefault("failures", []).append("%s: %r" % (scenario.__name__, e))
print(json.dumps(OUT))
