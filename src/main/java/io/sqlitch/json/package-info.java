/**
 * JSON for machines: {@link io.sqlitch.json.JsonWriter}, a dependency-free writer, and
 * {@link io.sqlitch.json.Reports}, the documents {@code status}, {@code log} and {@code plan} write to
 * {@code sqlitch.jsonFile}. Field names are stable API: add fields, never rename them.
 */
package io.sqlitch.json;
