package io.sqlitch.console;

/** Asks the user a yes/no question the way Sqitch's {@code ask_yes_no} does. */
public interface Prompter {

    /**
     * Asks {@code question}, e.g. {@code Revert all changes from db:sqlite:x.db?}.
     *
     * @param defaultYes the answer an empty reply (or an unattended run) gives
     * @return the answer; a refusal to ask throws {@link io.sqlitch.SqitchException}
     */
    boolean confirm(String question, boolean defaultYes);
}
