package dev.trailhunt.translate;

import dev.trailhunt.model.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a grok pattern into one unanchored RE2 regex whose capture groups are exactly its named fields.
 *
 * <p>{@code %{SYNTAX}} and {@code %{SYNTAX:name[:type]}} expand from the common part of Elasticsearch's
 * legacy pattern bank, rewritten without the look-arounds and atomic groups RE2 lacks (each one
 * there only guards a boundary the surrounding text already fixes). Other groups become
 * non-capturing so that group positions match the field list; {@code (?<name>…)} captures too.
 */
public final class GrokPattern {
    private static final Pattern REF = Pattern.compile("%\\{(\\w+)(?::([\\w.@\\[\\]-]+)(?::(\\w+))?)?}");
    private static final char OPEN = '\u0001';
    private static final Map<String, String> BANK = bank();

    /** Names one output column, its type, and the capture groups (1-based) that feed it, in order. */
    public record Field(String name, ValueType type, List<Integer> groups) {
        public Field {
            groups = List.copyOf(groups);
        }
    }

    private final String regex;
    private final int groupCount;
    private final List<Field> fields;

    private GrokPattern(String regex, int groupCount, List<Field> fields) {
        this.regex = regex;
        this.groupCount = groupCount;
        this.fields = List.copyOf(fields);
    }

    /** Returns the RE2 regex, to be searched (not anchored). */
    public String regex() {
        return regex;
    }

    /** Returns the number of capture groups in {@link #regex()}. */
    public int groupCount() {
        return groupCount;
    }

    /** Returns the output columns sorted by name, as Elasticsearch's grok lists them. */
    public List<Field> fields() {
        return fields;
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException naming an unknown pattern or an unsupported construct
     */
    public static GrokPattern compile(String pattern) {
        List<String> names = new ArrayList<>();
        List<ValueType> types = new ArrayList<>();
        String marked = expand(pattern, names, types, 0);
        StringBuilder re = new StringBuilder("(?s)");
        int group = 0;
        int nextExpanded = 0;
        List<String> groupNames = new ArrayList<>();
        List<ValueType> groupTypes = new ArrayList<>();
        boolean inClass = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == '\\' && i + 1 < marked.length()) {
                re.append(c).append(marked.charAt(++i));
            } else if (inClass) {
                re.append(c);
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
                re.append(c);
                if (i + 1 < marked.length() && marked.charAt(i + 1) == '^') {
                    re.append(marked.charAt(++i));
                }
                if (i + 1 < marked.length() && marked.charAt(i + 1) == ']') {
                    re.append(marked.charAt(++i));
                }
            } else if (c == OPEN) {
                group++;
                groupNames.add(names.get(nextExpanded));
                groupTypes.add(types.get(nextExpanded++));
                re.append('(');
            } else if (c == '(') {
                if (marked.startsWith("(?<", i) && !marked.startsWith("(?<=", i) && !marked.startsWith("(?<!", i)) {
                    int end = marked.indexOf('>', i);
                    groupNames.add(marked.substring(i + 3, end));
                    groupTypes.add(ValueType.KEYWORD);
                    group++;
                    re.append('(');
                    i = end;
                } else if (marked.startsWith("(?=", i) || marked.startsWith("(?!", i) || marked.startsWith("(?<", i) || marked.startsWith("(?>", i)) {
                    throw new IllegalArgumentException("look-around or atomic group in grok pattern");
                } else if (marked.startsWith("(?", i)) {
                    re.append(c);
                } else {
                    re.append("(?:");
                }
            } else {
                re.append(c);
            }
        }
        // Groups are numbered in the order they open, which is the order of groupNames.
        Map<String, Field> byName = new TreeMap<>();
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int g = 0; g < groupNames.size(); g++) {
            groups.computeIfAbsent(groupNames.get(g), n -> new ArrayList<>()).add(g + 1);
        }
        for (int g = 0; g < groupNames.size(); g++) {
            String n = groupNames.get(g);
            byName.putIfAbsent(n, new Field(n, groupTypes.get(g), groups.get(n)));
        }
        return new GrokPattern(re.toString(), group, new ArrayList<>(byName.values()));
    }

    private static String expand(String pattern, List<String> names, List<ValueType> types, int depth) {
        if (depth > 20) {
            throw new IllegalArgumentException("grok pattern nests too deeply");
        }
        Matcher m = REF.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(pattern, last, m.start());
            String body = BANK.get(m.group(1));
            if (body == null) {
                throw new IllegalArgumentException("grok pattern %{" + m.group(1) + "}");
            }
            // Names inside bank patterns are dropped: only the pattern's own names become columns.
            String inner = expand(body, new ArrayList<>(), new ArrayList<>(), depth + 1);
            if (m.group(2) != null) {
                names.add(m.group(2));
                types.add(type(m.group(3)));
                sb.append(OPEN).append(inner).append(')');
            } else {
                sb.append("(?:").append(inner).append(')');
            }
            last = m.end();
        }
        sb.append(pattern.substring(last));
        String out = sb.toString();
        if (depth > 0) {
            // Bank-internal captures must not count as fields.
            out = out.replace(String.valueOf(OPEN), "(?:");
        }
        return out;
    }

    private static ValueType type(String t) {
        if (t == null) {
            return ValueType.KEYWORD;
        }
        return switch (t) {
            case "int" -> ValueType.INTEGER;
            case "long" -> ValueType.LONG;
            case "float", "double" -> ValueType.DOUBLE;
            case "boolean" -> ValueType.BOOLEAN;
            default -> throw new IllegalArgumentException("grok type :" + t);
        };
    }

    private static Map<String, String> bank() {
        Map<String, String> b = new HashMap<>();
        b.put("USERNAME", "[a-zA-Z0-9._-]+");
        b.put("USER", "%{USERNAME}");
        b.put("EMAILLOCALPART", "[a-zA-Z][a-zA-Z0-9_.+-=:]+");
        b.put("EMAILADDRESS", "%{EMAILLOCALPART}@%{HOSTNAME}");
        b.put("INT", "(?:[+-]?(?:[0-9]+))");
        b.put("BASE10NUM", "(?:[+-]?(?:(?:[0-9]+(?:\\.[0-9]+)?)|(?:\\.[0-9]+)))");
        b.put("NUMBER", "(?:%{BASE10NUM})");
        b.put("BASE16NUM", "(?:[+-]?(?:0x)?(?:[0-9A-Fa-f]+))");
        b.put("BASE16FLOAT", "\\b(?:[+-]?(?:0x)?(?:(?:[0-9A-Fa-f]+(?:\\.[0-9A-Fa-f]*)?)|(?:\\.[0-9A-Fa-f]+)))\\b");
        b.put("POSINT", "\\b(?:[1-9][0-9]*)\\b");
        b.put("NONNEGINT", "\\b(?:[0-9]+)\\b");
        b.put("WORD", "\\b\\w+\\b");
        b.put("NOTSPACE", "\\S+");
        b.put("SPACE", "\\s*");
        b.put("DATA", ".*?");
        b.put("GREEDYDATA", ".*");
        b.put("QUOTEDSTRING", "(?:\"(?:\\\\.|[^\\\\\"])*\"|'(?:\\\\.|[^\\\\'])*'|`(?:\\\\.|[^\\\\`])*`)");
        b.put("QS", "%{QUOTEDSTRING}");
        b.put("UUID", "[A-Fa-f0-9]{8}-(?:[A-Fa-f0-9]{4}-){3}[A-Fa-f0-9]{12}");
        b.put("MAC", "(?:%{CISCOMAC}|%{WINDOWSMAC}|%{COMMONMAC})");
        b.put("CISCOMAC", "(?:(?:[A-Fa-f0-9]{4}\\.){2}[A-Fa-f0-9]{4})");
        b.put("WINDOWSMAC", "(?:(?:[A-Fa-f0-9]{2}-){5}[A-Fa-f0-9]{2})");
        b.put("COMMONMAC", "(?:(?:[A-Fa-f0-9]{2}:){5}[A-Fa-f0-9]{2})");
        b.put("IPV6", "(?:(?:(?:[0-9A-Fa-f]{1,4}:){7}(?:[0-9A-Fa-f]{1,4}|:))|(?:(?:[0-9A-Fa-f]{1,4}:){6}(?::[0-9A-Fa-f]{1,4}|(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3})|:))"
                + "|(?:(?:[0-9A-Fa-f]{1,4}:){5}(?:(?:(?::[0-9A-Fa-f]{1,4}){1,2})|:(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3})|:))"
                + "|(?:(?:[0-9A-Fa-f]{1,4}:){4}(?:(?:(?::[0-9A-Fa-f]{1,4}){1,3})|(?:(?::[0-9A-Fa-f]{1,4})?:(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}))|:))"
                + "|(?:(?:[0-9A-Fa-f]{1,4}:){3}(?:(?:(?::[0-9A-Fa-f]{1,4}){1,4})|(?:(?::[0-9A-Fa-f]{1,4}){0,2}:(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}))|:))"
                + "|(?:(?:[0-9A-Fa-f]{1,4}:){2}(?:(?:(?::[0-9A-Fa-f]{1,4}){1,5})|(?:(?::[0-9A-Fa-f]{1,4}){0,3}:(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}))|:))"
                + "|(?:(?:[0-9A-Fa-f]{1,4}:){1}(?:(?:(?::[0-9A-Fa-f]{1,4}){1,6})|(?:(?::[0-9A-Fa-f]{1,4}){0,4}:(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}))|:))"
                + "|(?::(?:(?:(?::[0-9A-Fa-f]{1,4}){1,7})|(?:(?::[0-9A-Fa-f]{1,4}){0,5}:(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}))|:)))(?:%.+)?");
        b.put("IPV4", "(?:(?:[0-1]?[0-9]{1,2}|2[0-4][0-9]|25[0-5])[.](?:[0-1]?[0-9]{1,2}|2[0-4][0-9]|25[0-5])[.](?:[0-1]?[0-9]{1,2}|2[0-4][0-9]|25[0-5])[.](?:[0-1]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]))");
        b.put("IP", "(?:%{IPV6}|%{IPV4})");
        b.put("HOSTNAME", "\\b(?:[0-9A-Za-z][0-9A-Za-z-]{0,62})(?:\\.(?:[0-9A-Za-z][0-9A-Za-z-]{0,62}))*(?:\\.?|\\b)");
        b.put("HOST", "%{HOSTNAME}");
        b.put("IPORHOST", "(?:%{IP}|%{HOSTNAME})");
        b.put("HOSTPORT", "%{IPORHOST}:%{POSINT}");
        b.put("UNIXPATH", "(?:/(?:[\\w_%!$@:.,+~-]+|\\\\.)*)+");
        b.put("WINPATH", "(?:[A-Za-z]+:|\\\\)(?:\\\\[^\\\\?*]*)+");
        b.put("PATH", "(?:%{UNIXPATH}|%{WINPATH})");
        b.put("TTY", "(?:/dev/(?:pts|tty(?:[pq])?)(?:\\w+)?/?(?:[0-9]+))");
        b.put("URIPROTO", "[A-Za-z](?:[A-Za-z0-9+\\-.]+)+");
        b.put("URIHOST", "%{IPORHOST}(?::%{POSINT})?");
        b.put("URIPATH", "(?:/[A-Za-z0-9$.+!*'(){},~:;=@#%&_\\-]*)+");
        b.put("URIPARAM", "\\?[A-Za-z0-9$.+!*'|(){},~@#%&/=:;_?\\-\\[\\]<>]*");
        b.put("URIPATHPARAM", "%{URIPATH}(?:%{URIPARAM})?");
        b.put("URI", "%{URIPROTO}://(?:%{USER}(?::[^@]*)?@)?(?:%{URIHOST})?(?:%{URIPATHPARAM})?");
        b.put("MONTH", "\\b(?:[Jj]an(?:uary|uar)?|[Ff]eb(?:ruary|ruar)?|[Mm](?:a|ä)?r(?:ch|z)?|[Aa]pr(?:il)?|[Mm]a(?:y|i)?|[Jj]un(?:e|i)?|[Jj]ul(?:y|i)?|[Aa]ug(?:ust)?|[Ss]ep(?:tember)?|[Oo](?:c|k)?t(?:ober)?|[Nn]ov(?:ember)?|[Dd]e(?:c|z)(?:ember)?)\\b");
        b.put("MONTHNUM", "(?:0?[1-9]|1[0-2])");
        b.put("MONTHNUM2", "(?:0[1-9]|1[0-2])");
        b.put("MONTHDAY", "(?:(?:0[1-9])|(?:[12][0-9])|(?:3[01])|[1-9])");
        b.put("DAY", "(?:Mon(?:day)?|Tue(?:sday)?|Wed(?:nesday)?|Thu(?:rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)");
        b.put("YEAR", "(?:\\d\\d){1,2}");
        b.put("HOUR", "(?:2[0123]|[01]?[0-9])");
        b.put("MINUTE", "(?:[0-5][0-9])");
        b.put("SECOND", "(?:(?:[0-5]?[0-9]|60)(?:[:.,][0-9]+)?)");
        b.put("TIME", "%{HOUR}:%{MINUTE}(?::%{SECOND})");
        b.put("DATE_US", "%{MONTHNUM}[/-]%{MONTHDAY}[/-]%{YEAR}");
        b.put("DATE_EU", "%{MONTHDAY}[./-]%{MONTHNUM}[./-]%{YEAR}");
        b.put("ISO8601_TIMEZONE", "(?:Z|[+-]%{HOUR}(?::?%{MINUTE}))");
        b.put("ISO8601_SECOND", "(?:%{SECOND}|60)");
        b.put("TIMESTAMP_ISO8601", "%{YEAR}-%{MONTHNUM}-%{MONTHDAY}[T ]%{HOUR}:?%{MINUTE}(?::?%{SECOND})?%{ISO8601_TIMEZONE}?");
        b.put("DATE", "%{DATE_US}|%{DATE_EU}");
        b.put("DATESTAMP", "%{DATE}[- ]%{TIME}");
        b.put("TZ", "(?:[APMCE][SD]T|UTC)");
        b.put("HTTPDATE", "%{MONTHDAY}/%{MONTH}/%{YEAR}:%{TIME} %{INT}");
        b.put("SYSLOGTIMESTAMP", "%{MONTH} +%{MONTHDAY} %{TIME}");
        b.put("PROG", "[\\x21-\\x5a\\x5c\\x5e-\\x7e]+");
        b.put("SYSLOGPROG", "%{PROG}(?:\\[%{POSINT}\\])?");
        b.put("SYSLOGHOST", "%{IPORHOST}");
        b.put("LOGLEVEL", "(?:[Aa]lert|ALERT|[Tt]race|TRACE|[Dd]ebug|DEBUG|[Nn]otice|NOTICE|[Ii]nfo|INFO|[Ww]arn?(?:ing)?|WARN?(?:ING)?|[Ee]rr?(?:or)?|ERR?(?:OR)?|[Cc]rit?(?:ical)?|CRIT?(?:ICAL)?|[Ff]atal|FATAL|[Ss]evere|SEVERE|EMERG(?:ENCY)?|[Ee]merg(?:ency)?)");
        return Map.copyOf(b);
    }
}
