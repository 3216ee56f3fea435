"""boto3 API Gateway control plane against an awssim WireServer: prints one JSON object.

Usage: python3 boto3_apigateway.py http://127.0.0.1:PORT REST_API_ID
The test has made REST API REST_API_ID with a mock GET /pets deployed to stage prod. The script
lowers the stage's throttle with UpdateStage and calls the data plane (plain HTTP) around the
refill instant, moving virtual time with the admin endpoint. Responses are checked against
botocore's output shapes (awssim_boto3.call).
"""
import json
import sys
import urllib.error
import urllib.request

import botocore.exceptions

from awssim_boto3 import SHAPE_ERRORS, call
import awssim_boto3

ENDPOINT, API = sys.argv[1], sys.argv[2]
OUT = {"shape_errors": SHAPE_ERRORS}


def admin(path):
    req = urllib.request.Request(ENDPOINT + "/_awssim/" + path, method="POST")
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def pets():
    """The data plane's status for GET /pets on stage prod."""
    url = ENDPOINT + "/restapis/" + API + "/prod/_user_request_/pets"
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def control_plane():
    gw = awssim_boto3.client("apigateway", ENDPOINT, "us-east-1")
    OUT["apis"] = [a["name"] for a in call(gw, "get_rest_apis")["items"]]
    OUT["stages"] = [s["stageName"] for s in call(gw, "get_stages", restApiId=API)["item"]]
    updated = call(gw, "update_stage", restApiId=API, stageName="prod", patchOperations=[
        {"op": "replace", "path": "/*/*/throttling/rateLimit", "value": "1"},
        {"op": "replace", "path": "/*/*/throttling/burstLimit", "value": "1"}])
    setting = updated["methodSettings"]["*/*"]
    OUT["updated"] = [setting["throttlingRateLimit"], setting["throttlingBurstLimit"]]
    OUT["data_plane"] = [pets(), pets()]
    admin("advance?seconds=0.999")
    OUT["data_plane"].append(pets())
    admin("advance?seconds=0.001")
    OUT["data_plane"].append(pets())
    try:
        gw.get_stage(restApiId=API, stageName="nope")
        OUT["missing_stage"] = None
    except botocore.exceptions.ClientError as e:
        OUT["missing_stage"] = [e.response["Error"]["Code"],
                                e.response["ResponseMetadata"]["HTTPStatusCode"]]


for scenario in (control_plane,):
    try:
        scenario()
    except Exception as e:  # report, do not hide: the Java test fails on "failures"
        OUT.setdefault("failures", []).append("%s: %r" % (scenario.__name__, e))
print(json.dumps(OUT))
