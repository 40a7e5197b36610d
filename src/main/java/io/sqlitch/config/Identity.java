package io.sqlitch.config;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who runs Sqitch (planner, committer): {@code SQITCH_FULLNAME}/{@code SQITCH_EMAIL}, then {@code user.name}/
 * {@code user.email}, then {@code SQITCH_ORIG_*}, then the system account (GECOS name, {@code user@hostname}).
 *
 * @param name  the user name, validated as Sqitch's UserName type
 * @param email the user email, validated as Sqitch's UserEmail type
 */
public record Identity(String name, String email) {

    public Identity {
        if (name.startsWith("[") || name.contains("<")) {
            throw new SqitchException("User name may not contain \"<\" or start with \"[\"");
        }
        if (email.contains(">")) {
            throw new SqitchException("User email may not contain \">\"");
        }
    }

    /** {@code Name <email>}, as written in plans and the registry. */
    public String formatted() {
        return name + " <" + email + ">";
    }

    /** Resolves the identity from the run's environment, config, {@code /etc/passwd} and host name. */
    public static Identity resolve(RunContext ctx, SqitchConfig config) {
        return resolve(ctx, config, Path.of("/etc/passwd"), Identity::systemHostname);
    }

    /** Same as {@link #resolve(RunContext, SqitchConfig)} with the passwd file and host name given (for tests). */
    public static Identity resolve(RunContext ctx, SqitchConfig config, Path passwd, Supplier<String> hostname) {
        return new Identity(userName(ctx, config, passwd), userEmail(ctx, config, hostname));
    }

    /** Sqitch's {@code user_name} alone. */
    public static String userName(RunContext ctx, SqitchConfig config, Path passwd) {
        Optional<String> n = ctx.env("SQITCH_FULLNAME").or(() -> nonEmpty(config.get("user.name")))
                .or(() -> ctx.env("SQITCH_ORIG_FULLNAME"));
        if (n.isPresent()) {
            return n.get();
        }
        String sysuser = sysuser(ctx).orElseThrow(() -> new SqitchException(
                "Cannot find your name; run sqitch config --user user.name \"YOUR NAME\""));
        return gecos(passwd, sysuser).orElse(sysuser);
    }

    /** Sqitch's {@code user_email} alone. */
    public static String userEmail(RunContext ctx, SqitchConfig config, Supplier<String> hostname) {
        Optional<String> e = ctx.env("SQITCH_EMAIL").or(() -> nonEmpty(config.get("user.email")))
                .or(() -> ctx.env("SQITCH_ORIG_EMAIL"));
        if (e.isPresent()) {
            return e.get();
        }
        String sysuser = sysuser(ctx).orElseThrow(() -> new SqitchException(
                "Cannot infer your email address; run sqitch config --user user.email you@host.com"));
        return sysuser + "@" + hostname.get();
    }

    /** The OS login name: {@code SQITCH_ORIG_SYSUSER}, {@code LOGNAME}, {@code USER}, {@code USERNAME}. */
    public static Optional<String> sysuser(RunContext ctx) {
        // Sqitch asks getlogin()/getpwuid() before LOGNAME; the JVM cannot, so the environment stands in
        // (RunContext.ofProcess supplies USER from the JVM's getpwuid()-based user.name when it is missing).
        return ctx.env("SQITCH_ORIG_SYSUSER").or(() -> ctx.env("LOGNAME")).or(() -> ctx.env("USER"))
                .or(() -> ctx.env("USERNAME"));
    }

    private static Optional<String> nonEmpty(Optional<String> v) {
        return v.filter(s -> !s.isEmpty() && !s.equals("0"));
    }

    /** The whole GECOS field of a passwd entry, if the user exists and it is non-empty. */
    static Optional<String> gecos(Path passwd, String user) {
        List<String> lines;
        try {
            if (!Files.isReadable(passwd)) {
                return Optional.empty();
            }
            lines = Files.readAllLines(passwd, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String line : lines) {
            String[] f = line.split(":", -1);
            if (f.length >= 5 && f[0].equals(user)) {
                return f[4].isEmpty() ? Optional.empty() : Optional.of(f[4]);
            }
        }
        return Optional.empty();
    }

    /** The host name as gethostname() gives it. */
    static String systemHostname() {
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        try {
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel).strip();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
