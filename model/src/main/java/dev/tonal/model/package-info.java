/**
 * The IVR configuration as plain immutable values (api.md §6-§8): IVR settings, contexts,
 * rules and their {@link dev.tonal.model.RuleField} table, intervals, and the snapshot a
 * call runs on. No I/O, no framework.
 */
package dev.tonal.model;
