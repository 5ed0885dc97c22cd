# csmetrics: customer-service metrics as PostgreSQL aggregates (PGXS build)

EXTENSION = csmetrics
MODULE_big = csmetrics
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# Install and upgrade scripts live in sql/ under their versioned names.
DATA = $(wildcard sql/csmetrics--*.sql)

# pg_regress suites: sql/NAME.sql checked against expected/NAME.out.
REGRESS = nps csat ces fcr aht duration stats windows retention rollup parallel binary_copy security business_hours cancel cookbook
REGRESS_OPTS = --load-extension=csmetrics

# PostgreSQL's headers need -Wno-unused-parameter and -Wno-sign-compare
# under -Wextra; override WARNING_FLAGS to build without -Werror.
WARNING_FLAGS ?= -Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers
PG_CFLAGS += $(WARNING_FLAGS)

EXTRA_CLEAN = results regression.diffs regression.out

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# PGXS tracks no header dependencies here; every object depends on them all.
$(OBJS): $(wildcard src/*.h)
