package dev.awssim.examples;

/**
 * An option of a demo: {@code --name value}, with a default and a line of help.
 *
 * @param name the option's name, without the dashes
 * @param defaultValue the value when the option is not given
 * @param help what it changes
 */
public record DemoOption(String name, String defaultValue, String help) {}
