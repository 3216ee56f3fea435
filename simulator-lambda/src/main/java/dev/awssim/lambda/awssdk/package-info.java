/**
 * An AWS SDK for Java v2 {@code LambdaClient} backed by the simulated Lambda model: {@link
 * dev.awssim.lambda.awssdk.SimulatedLambdaClient}. Errors arrive as the SDK's modelled exceptions
 * ({@code TooManyRequestsException} with its {@code Reason}, {@code ResourceNotFoundException},
 * ...), as the SDK would unmarshal them from AWS's response
 * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
 */
package dev.awssim.lambda.awssdk;
