# Compares what a client read (BiViews.java, bi_odbc.c) with psql's answers
# (reference.sql), line by line: view names and column names exactly, values
# exactly or, where both are numbers, within a relative 1e-9 (the clients read
# double precision, psql computes exact numerics). Prints each difference and
# a last line "LABEL: N lines equal" or "LABEL: N differences".
#
#   awk -F'\t' -v label=jdbc-UTC -f compare.awk expected.tsv read.tsv
function numeric(x) { return x ~ /^-?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/ }
function near(x, y,    d, m) {
    d = x - y; if (d < 0) d = -d
    m = y < 0 ? -y : y
    return d <= 1e-9 * (m > 1 ? m : 1)
}
FNR == NR { expected[++n] = $0; next }
{ got[++m] = $0 }
END {
    bad = 0; rows = 0; view = "?"
    last = n > m ? n : m
    for (i = 1; i <= last; i++) {
        if (substr(expected[i], 1, 3) == "== ") { view = substr(expected[i], 4) }
        same = expected[i] == got[i]
        if (!same && substr(expected[i], 1, 3) != "== " && substr(got[i], 1, 3) != "== ") {
            ne = split(expected[i], e, "\t"); ng = split(got[i], g, "\t")
            same = ne == ng && i <= n && i <= m
            for (j = 1; same && j <= ne; j++)
                if (e[j] != g[j] && !(numeric(e[j]) && numeric(g[j]) && near(g[j] + 0, e[j] + 0)))
                    same = 0
        }
        if (!same) {
            if (++bad <= 20)
                printf "%s: %s, line %d: expected [%s], read [%s]\n", label, view, i,
                       i <= n ? expected[i] : "(end)", i <= m ? got[i] : "(end)"
        } else if (substr(expected[i], 1, 3) != "== ")
            rows++
    }
    if (bad)
        printf "%s: %d differences\n", label, bad
    else
        printf "%s: %d lines equal\n", label, rows
    exit bad > 0
}
