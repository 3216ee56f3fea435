"""boto3 SNS, CloudWatch and Regions against awssim WireServers: prints one JSON object.

Usage: python3 boto3_sns_cloudwatch.py http://127.0.0.1:PORT_US_EAST_1 http://127.0.0.1:PORT_EU_WEST_1
The first server's simulation is in us-east-1, the second's in eu-west-1. SNS speaks the Query
protocol; CloudWatch the protocol botocore picks first from its model (Smithy RPC v2 CBOR in
botocore 1.4x). Responses are checked against botocore's output shapes (awssim_boto3.call).
"""
import json
import sys

import botocore

from awssim_boto3 import SHAPE_ERRORS, call, client, error_code

US, EU = sys.argv[1], sys.argv[2]
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
    eu_sqs = client("sqs", EU, "eu-west-1")
    url = call(eu_sqs, "create_queue", QueueName="here")["QueueUrl"]
    OUT["eu_queue_url"] = url
    OUT["eu_queue_arn"] = call(eu_sqs, "get_queue_attributes", QueueUrl=url,
                               AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    OUT["eu_topic_arn"] = call(client("sns", EU, "eu-west-1"), "create_topic", Name="t")["TopicArn"]
    OUT["us_client_on_eu_sqs"] = error_code(client("sqs", EU, "us-east-1"), "list_queues")
    OUT["us_client_on_eu_sns"] = error_code(client("sns", EU, "us-east-1"), "list_topics")
    OUT["us_client_on_eu_dynamodb"] = error_code(client("dynamodb", EU, "us-east-1"), "list_tables")
    OUT["us_client_on_eu_cloudwatch"] = error_code(
        client("cloudwatch", EU, "us-east-1"), "put_metric_data", Namespace="N",
        MetricData=[{"MetricName": "M", "Value": 1.0}])


for scenario in (sns_to_sqs, cloudwatch, regions):
    try:
        scenario()
    except Exception as e:  # report, do not hide: the Java test fails on "failures"
        OUT.setdefault("failures", []).append("%s: %r" % (scenario.__name__, e))
print(json.dumps(OUT))
