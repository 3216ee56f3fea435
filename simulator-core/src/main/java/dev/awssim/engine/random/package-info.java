/**
 * Seeded randomness: a root seed hands out named, independent streams.
 *
 * <p>Each stream's seed is MurmurHash3 of (root seed, name), so a model's numbers depend only on
 * the root seed and its own stream name: adding a queue does not shift another queue's message ids.
 * Ids and receipt handles come from {@link dev.awssim.internal.RandomIds}; no code calls the JDK's
 * random UUIDs or an unseeded random generator (the build forbids both).
 */
package dev.awssim.engine.random;
