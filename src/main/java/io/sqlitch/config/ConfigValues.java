package io.sqlitch.config;

import io.sqlitch.SqitchException;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Config::GitLike's {@code cast}: typed reads of config values ({@code bool}, {@code int}, {@code num}, {@code bool-or-int}). */
public final class ConfigValues {

    private static final Pattern TRUE = Pattern.compile("^(?:true|yes|on|-?0*1)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FALSE = Pattern.compile("^(?:false|no|off|0*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUM = Pattern.compile("^-?[0-9]*\\.?[0-9]*[kmg]?$");

    private ConfigValues() {
    }

    /** Whether the text is a git-config boolean true; a missing value (key without '=') is true. */
    public static boolean toBool(String value) {
        if (value == null || TRUE.matcher(value).matches()) {
            return true;
        }
        if (FALSE.matcher(value).matches()) {
            return false;
        }
        throw new SqitchException("Invalid bool '" + value + "'");
    }

    /**
     * Casts a value as {@code sqitch config --TYPE} shows it ("human" form): bools as true/false, numbers with
     * k/m/g applied. {@code type} null returns the value as is.
     */
    public static String cast(String value, String type) {
        if (type == null) {
            return value;
        }
        String as = type;
        if (as.equals("bool-or-int") || as.equals("bool_or_int")) {
            if (value != null && NUM.matcher(value).matches()) {
                as = "int";
            } else if (value == null || TRUE.matcher(value).matches() || FALSE.matcher(value).matches()) {
                as = "bool";
            } else {
                throw new SqitchException("Invalid bool-or-int '" + value + "'");
            }
        }
        if (as.equals("bool")) {
            return toBool(value) ? "true" : "false";
        }
        if (value == null || !NUM.matcher(value).matches()) {
            throw new SqitchException("Invalid unit while casting to " + as);
        }
        String v = value;
        long factor = 1;
        if (v.endsWith("k")) {
            factor = 1024L;
        } else if (v.endsWith("m")) {
            factor = 1024L * 1024;
        } else if (v.endsWith("g")) {
            factor = 1024L * 1024 * 1024;
        }
        if (factor != 1) {
            v = v.substring(0, v.length() - 1);
        }
        BigDecimal n = perlNumber(v).multiply(BigDecimal.valueOf(factor));
        if (as.equals("int")) {
            return n.toBigInteger().toString();
        }
        n = n.stripTrailingZeros();
        return n.scale() <= 0 ? n.toBigInteger().toString() : n.toPlainString();
    }

    /** Perl's numification of a NUM-shaped string ("", "-", "." are 0). */
    private static BigDecimal perlNumber(String v) {
        String s = v.startsWith("-") ? v.substring(1) : v;
        if (s.isEmpty() || s.equals(".")) {
            return BigDecimal.ZERO;
        }
        if (s.endsWith(".")) {
            s = s + "0";
        }
        if (s.startsWith(".")) {
            s = "0" + s;
        }
        BigDecimal n = new BigDecimal(s);
        return v.startsWith("-") ? n.negate() : n;
    }
}
