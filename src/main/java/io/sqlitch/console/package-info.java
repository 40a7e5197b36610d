/**
 * What a command prints and asks: the small console interfaces the engine and the commands write to, below both so
 * that the engine never depends on the command layer. The Maven adapter implements them over its log and prompter.
 */
package io.sqlitch.console;
