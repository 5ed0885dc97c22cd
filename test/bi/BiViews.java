// Reads every view of a schema through pgJDBC as a BI tool does: lists the
// views with DatabaseMetaData, checks that every column's JDBC type is a
// number, string, boolean, date or timestamp, and reads every row with
// getLong, getDouble, getString, getBoolean, getDate or getTimestamp. Writes
// what it read to a file (compare.awk checks it against psql's answers) and
// exits 1 on a column of any other type or on any error.
//
//   java -Duser.timezone=Asia/Tokyo -cp /usr/share/java/postgresql.jar:. \
//        BiViews jdbc:postgresql://localhost:5432/db bi out.tsv
//
// The user and password come from PGUSER and PGPASSWORD. pgJDBC sets the
// session's TimeZone to the JVM's, as it does for any BI tool built on it;
// the program checks that it did.

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;

public class BiViews {
    private static int failures = 0;

    private static void fail(String message) {
        System.err.println("FAIL: " + message);
        failures++;
    }

    /** How a BI tool reads a column of this JDBC type, or null if it can't. */
    private static String getter(int jdbcType) {
        switch (jdbcType) {
            case Types.BIGINT: case Types.INTEGER: case Types.SMALLINT: case Types.TINYINT:
                return "getLong";
            case Types.DOUBLE: case Types.FLOAT: case Types.REAL: case Types.NUMERIC: case Types.DECIMAL:
                return "getDouble";
            case Types.VARCHAR: case Types.CHAR: case Types.LONGVARCHAR:
            case Types.NVARCHAR: case Types.NCHAR: case Types.LONGNVARCHAR:
                return "getString";
            case Types.BOOLEAN: case Types.BIT:
                return "getBoolean";
            case Types.DATE:
                return "getDate";
            case Types.TIMESTAMP: case Types.TIMESTAMP_WITH_TIMEZONE:
                return "getTimestamp";
            default:
                return null;
        }
    }

    /** The value of column i read with the getter; "\N" for NULL. */
    private static String read(ResultSet rows, int i, String getter) throws Exception {
        String text;
        switch (getter) {
            case "getLong": text = Long.toString(rows.getLong(i)); break;
            case "getDouble": text = Double.toString(rows.getDouble(i)); break;
            case "getBoolean": text = rows.getBoolean(i) ? "t" : "f"; break;
            case "getDate": {
                java.sql.Date d = rows.getDate(i);
                text = d == null ? null : d.toString();
                break;
            }
            case "getTimestamp": {
                java.sql.Timestamp t = rows.getTimestamp(i);
                text = t == null ? null : t.toString();
                break;
            }
            default: text = rows.getString(i); break;
        }
        return rows.wasNull() ? "\\N" : text;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BiViews JDBC_URL SCHEMA OUTPUT");
            System.exit(2);
        }
        String url = args[0], schema = args[1];
        Properties props = new Properties();
        props.setProperty("user", System.getenv("PGUSER"));
        if (System.getenv("PGPASSWORD") != null)
            props.setProperty("password", System.getenv("PGPASSWORD"));

        try (Connection conn = DriverManager.getConnection(url, props);
             PrintWriter out = new PrintWriter(args[2], "UTF-8")) {
            String jvmZone = TimeZone.getDefault().getID();
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SHOW TimeZone")) {
                rs.next();
                if (!rs.getString(1).equals(jvmZone))
                    fail("session TimeZone is " + rs.getString(1) + ", not the JVM's " + jvmZone);
            }

            DatabaseMetaData meta = conn.getMetaData();
            List<String> views = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"VIEW"})) {
                while (rs.next())
                    views.add(rs.getString("TABLE_NAME"));
            }
            if (views.isEmpty())
                fail("no views in schema " + schema);
            Collections.sort(views);

            int rowsRead = 0;
            for (String view : views) {
                // The types the tool's column list shows, from DatabaseMetaData.
                List<String> getters = new ArrayList<>();
                List<String> names = new ArrayList<>();
                try (ResultSet cols = meta.getColumns(null, schema, view, "%")) {
                    while (cols.next()) {
                        String name = cols.getString("COLUMN_NAME");
                        String getter = getter(cols.getInt("DATA_TYPE"));
                        if (getter == null)
                            fail(schema + "." + view + "." + name + " has JDBC type " +
                                 cols.getInt("DATA_TYPE") + " (" + cols.getString("TYPE_NAME") +
                                 "): not a number, string, boolean, date or timestamp");
                        names.add(name);
                        getters.add(getter);
                    }
                }
                out.println("== " + schema + "." + view);
                out.println(String.join("\t", names));
                String sql = "SELECT * FROM \"" + schema + "\".\"" + view + "\" ORDER BY 1" +
                             (names.size() > 1 ? ", 2" : "");
                try (Statement st = conn.createStatement(); ResultSet rows = st.executeQuery(sql)) {
                    ResultSetMetaData rmd = rows.getMetaData();
                    if (rmd.getColumnCount() != names.size())
                        fail(schema + "." + view + ": the query has " + rmd.getColumnCount() +
                             " columns, the metadata " + names.size());
                    while (rows.next()) {
                        List<String> values = new ArrayList<>();
                        for (int i = 1; i <= names.size(); i++) {
                            // A type no getter fits is read as a tool would show it: as text.
                            String getter = getters.get(i - 1) == null ? "getString" : getters.get(i - 1);
                            values.add(read(rows, i, getter));
                        }
                        out.println(String.join("\t", values));
                        rowsRead++;
                    }
                }
            }
            System.out.println("jdbc " + jvmZone + ": " + views.size() + " views of " + schema +
                               ", " + rowsRead + " rows read");
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
