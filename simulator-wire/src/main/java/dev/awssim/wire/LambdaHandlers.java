package dev.awssim.wire;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.awssim.lambda.awssdk.SimulatedLambdaClient;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * A function's code cannot come over the wire (awssim runs Java handler objects, not deployment
 * packages), so {@code CreateFunction} over the wire finds it in one of two ways. If the request's
 * {@code Handler} names a class on the server's class path ({@code com.example.OrderHandler} or
 * {@code com.example.OrderHandler::handleRequest}) that implements {@link RequestHandler} or {@link
 * RequestStreamHandler} and has a public no-argument constructor, an instance of it becomes the
 * function's code: this stand-in for AWS's {@code Handler} is how the AWS CLI and boto3 create
 * functions. Otherwise the handler registered in-process under the function's name ({@link
 * SimulatedLambdaClient#registerHandler}) is used, and without one {@code CreateFunction} answers
 * 400 {@code InvalidParameterValueException}, as the simulated client does.
 */
final class LambdaHandlers {
  private LambdaHandlers() {}

  /**
   * Registers the class {@code request}'s {@code Handler} names, when {@code request} is a {@code
   * CreateFunction} of a new function and the class qualifies; returns {@code request}.
   *
   * @throws InvalidParameterValueException (400) when the class qualifies but cannot be
   *     instantiated
   */
  static Object prepare(Object client, Object request) {
    if (!(request instanceof CreateFunctionRequest create)
        || !(client instanceof SimulatedLambdaClient lambda)
        || create.handler() == null
        || create.functionName() == null) {
      return request;
    }
    String className = create.handler();
    int method = className.indexOf("::");
    if (method >= 0) {
      className = className.substring(0, method);
    }
    Class<?> handlerClass;
    try {
      // Not initialised before it is known to be a handler: a request names any class it likes.
      handlerClass = Class.forName(className, false, LambdaHandlers.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return request; // not a class here (such as index.handler): the in-process registration
    }
    if (!RequestHandler.class.isAssignableFrom(handlerClass)
        && !RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
      return request;
    }
    try {
      var unused = lambda.getFunction(b -> b.functionName(create.functionName()));
      return request; // it exists: CreateFunction answers ResourceConflictException, code unchanged
    } catch (ResourceNotFoundException e) {
      // a new function: register its code
    }
    Object handler;
    try {
      handler = handlerClass.getConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      String message =
          "awssim cannot instantiate handler class "
              + className
              + " (public no-argument constructor"
              + " needed): "
              + e;
      throw InvalidParameterValueException.builder()
          .awsErrorDetails(
              AwsErrorDetails.builder()
                  .errorCode("InvalidParameterValueException")
                  .errorMessage(message)
                  .serviceName("Lambda")
                  .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build())
                  .build())
          .statusCode(400)
          .message(message)
          .build();
    }
    lambda.registerHandler(create.functionName(), handler);
    return request;
  }
}
