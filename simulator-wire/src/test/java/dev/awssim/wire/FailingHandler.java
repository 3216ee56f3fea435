package dev.awssim.wire;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A Lambda handler for the wire tests whose every invocation fails (a function error). */
public final class FailingHandler implements RequestHandler<Object, String> {
  @Override
  public String handleRequest(Object input, Context context) {
    throw new IllegalStateException("boom");
  }
}
