package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.awssim.AwsSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * PublishVersion publishes only what changed, under its {@code CodeSha256} and {@code RevisionId}
 * preconditions (https://docs.aws.amazon.com/lambda/latest/api/API_PublishVersion.html);
 * DeleteAlias of an alias that does not exist
 * (https://docs.aws.amazon.com/lambda/latest/api/API_DeleteAlias.html).
 */
class PublishVersionTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final Lambda lambda = Lambda.create(sim);

  PublishVersionTest() {
    RequestHandler<Object, String> handler = (event, context) -> context.getFunctionVersion();
    lambda.createFunction(FunctionConfig.of("f", handler));
  }

  private static LambdaException error(Runnable call) {
    return assertThrows(LambdaException.class, call::run);
  }

  @Test
  void publishVersion_nothingChangedSinceTheLastVersion_returnsThatVersion() {
    assertEquals("1", lambda.publishVersion("f"));

    // "Lambda doesn't publish a version if the function's configuration and code haven't changed
    // since the last version."
    assertEquals("1", lambda.publishVersion("f"));
    assertEquals("1", lambda.publishVersion("f", null, null, "ignored: nothing to publish"));
    assertEquals(2, lambda.listVersionsByFunction("f").size()); // $LATEST and 1

    lambda.updateFunctionConfiguration("f", null, Duration.ofSeconds(10), null, null);
    assertEquals("2", lambda.publishVersion("f"));
    assertEquals(Duration.ofSeconds(10), lambda.getFunctionConfiguration("f:2").timeout());
    assertEquals("2", lambda.publishVersion("f"));
  }

  @Test
  void publishVersion_description_overridesTheVersionsOnly() {
    lambda.updateFunctionConfiguration("f", null, null, "latest", null);

    assertEquals("1", lambda.publishVersion("f", null, null, "release 1"));

    assertEquals("release 1", lambda.getFunctionConfiguration("f:1").description());
    assertEquals("latest", lambda.getFunction("f").description());
  }

  @Test
  void publishVersion_revisionIdOfAnOlderConfiguration_preconditionFailed412_nothingPublished() {
    String before = lambda.getFunction("f").revisionId();
    lambda.updateFunctionConfiguration("f", 256, null, null, null);
    String after = lambda.getFunction("f").revisionId();
    assertNotEquals(before, after);

    LambdaException e = error(() -> lambda.publishVersion("f", null, before, null));

    assertEquals("PreconditionFailedException", e.errorCode());
    assertEquals(412, e.statusCode());
    assertEquals(1, lambda.listVersionsByFunction("f").size());
    assertEquals("1", lambda.publishVersion("f", null, after, null));
    // Publishing gives $LATEST a new RevisionId: the one read before no longer matches.
    assertNotEquals(after, lambda.getFunction("f").revisionId());
  }

  @Test
  void publishVersion_otherCodeSha256_invalidParameterValue400_nothingPublished() {
    String sha = lambda.getFunction("f").codeSha256();

    LambdaException e = error(() -> lambda.publishVersion("f", "bm90IHRoZSBjb2Rl", null, null));

    assertEquals("InvalidParameterValueException", e.errorCode());
    assertEquals(400, e.statusCode());
    assertEquals(1, lambda.listVersionsByFunction("f").size());
    assertEquals("1", lambda.publishVersion("f", sha, null, null));
    assertEquals(sha, lambda.getFunctionConfiguration("f:1").codeSha256());
  }

  @Test
  void publishVersion_descriptionOver256Characters_validation400() {
    LambdaException e = error(() -> lambda.publishVersion("f", null, null, "d".repeat(257)));

    assertEquals("ValidationException", e.errorCode());
    assertEquals(1, lambda.listVersionsByFunction("f").size());
    assertEquals("1", lambda.publishVersion("f", null, null, "d".repeat(256)));
  }

  @Test
  void deleteAlias_aliasThatDoesNotExist_succeedsSilently_unknownFunction404() {
    // AWS answers 204 for an alias that does not exist (LocalStack's AWS-validated test,
    // https://github.com/localstack/localstack/pull/11878); an unknown function is a 404.
    lambda.deleteAlias("f", "nope");

    assertEquals(0, lambda.listAliases("f", null).size());
    LambdaException e = error(() -> lambda.deleteAlias("nope", "live"));
    assertEquals("ResourceNotFoundException", e.errorCode());
    assertEquals(404, e.statusCode());
  }
}
