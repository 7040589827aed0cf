/**
 * Static analysis of a whole IVR ({@code semantics.md} rule 34): findings with a
 * severity, a path and a message saying how to fix it. Field-level checks of single rules
 * belong to {@code dev.tonal.model.validation}, which the API runs on every write.
 */
package dev.tonal.engine.validation;
