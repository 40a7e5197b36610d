package io.sqlitch.command;

/** {@code sqitch upgrade} options. @param target {@code [target]} / {@code -t/--target}; null: the default */
public record UpgradeOptions(String target) {
}
