package dev.awssim.dax;

/**
 * What a successful write through DAX does to one item-cache entry: store the item as written, a
 * negative entry (the item no longer exists), or drop the entry.
 *
 * @param tableName the table
 * @param key the item's primary key, in any form with value equality (the adapter uses the SDK's
 *     key map)
 * @param item the item now in the table, or null when it no longer exists
 * @param evict true to drop the entry instead (when the new item is not known)
 */
public record ItemUpdate(String tableName, Object key, Object item, boolean evict) {
  /** The item as written. */
  public static ItemUpdate written(String tableName, Object key, Object item) {
    return new ItemUpdate(tableName, key, item, false);
  }

  /** The item was deleted: a negative entry. */
  public static ItemUpdate deleted(String tableName, Object key) {
    return new ItemUpdate(tableName, key, null, false);
  }

  /** The new item is not known: the entry is dropped. */
  public static ItemUpdate evicted(String tableName, Object key) {
    return new ItemUpdate(tableName, key, null, true);
  }
}
