/**
 * JSON for machines: {@link io.sqlitch.json.JsonWriter}, one document through Jackson's streaming generator
 * (jackson-core only) in the reports' fixed layout and escapes, and {@link io.sqlitch.json.Reports}, the documents
 * {@code status}, {@code log} and {@code plan} write to {@code sqlitch.jsonFile}. Field names are stable API: add
 * fields, never rename them; the golden files under the tests pin every byte.
 */
package io.sqlitch.json;
