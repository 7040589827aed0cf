/**
 * Reading the configuration from JSON objects (given as the {@code Map}s any JSON library
 * produces) and checking it, with errors on JSON field paths: shared by the API and the
 * engine's configuration validator.
 */
package dev.tonal.model.validation;
