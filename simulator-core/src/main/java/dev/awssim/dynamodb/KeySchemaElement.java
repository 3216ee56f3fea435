package dev.awssim.dynamodb;

/**
 * One element of a key schema: an attribute name and its role.
 *
 * <pre>{@code
 * new KeySchemaElement("id", KeyType.HASH)
 * }</pre>
 *
 * @param attributeName the attribute
 * @param keyType HASH or RANGE
 */
public record KeySchemaElement(String attributeName, KeyType keyType) {}
