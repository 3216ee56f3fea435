package dev.awssim.dynamodb;

/**
 * The name and scalar type of a key attribute of the table or an index.
 *
 * <pre>{@code
 * new AttributeDefinition("id", ScalarAttributeType.S)
 * }</pre>
 *
 * @param attributeName the attribute
 * @param attributeType S, N or B
 */
public record AttributeDefinition(String attributeName, ScalarAttributeType attributeType) {}
