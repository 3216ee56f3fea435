package dev.awssim.wire;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * A Lambda handler for the wire tests: answers {@code "echo " + payload}. Public with a no-argument
 * constructor, so that {@code CreateFunction} over the wire can name it in {@code Handler}.
 */
public final class EchoHandler implements RequestHandler<Object, String> {
  @Override
  public String handleRequest(Object input, Context context) {
    return "echo " + input;
  }
}
