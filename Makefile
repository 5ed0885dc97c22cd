# csmetrics: customer-service metrics as PostgreSQL aggregates (PGXS build)

EXTENSION = csmetrics
MODULE_big = csmetrics
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# Install and upgrade scripts live in sql/ under their versioned names.
DATA = $(wildcard sql/csmetrics--*.sql)

# pg_regress suites: sql/NAME.sql checked against expected/NAME.out.
REGRESS = nps csat ces fcr aht duration duration_seconds stats windows retention rollup parallel binary_copy security business_hours cancel cookbook edges status staffing
REGRESS_OPTS = --load-extension=csmetrics

# PostgreSQL's headers need -Wno-unused-parameter and -Wno-sign-compare
# under -Wextra; override WARNING_FLAGS to build without -Werror.
WARNING_FLAGS ?= -Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers
PG_CFLAGS += $(WARNING_FLAGS)

EXTRA_CLEAN = results regression.diffs regression.out .built-for

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Suites of features that newer servers add: soft input errors (16+) and
# COPY ... ON_ERROR (17+).  VERSION_NUM comes from PGXS; installcheck reads
# REGRESS only when it runs.
ifeq ($(shell test $(VERSION_NUM) -ge 160000 && echo yes),yes)
REGRESS += soft_errors
endif
ifeq ($(shell test $(VERSION_NUM) -ge 170000 && echo yes),yes)
REGRESS += copy_on_error
endif

# PGXS tracks no header dependencies here; every object depends on them all.
# Objects built for one server must never link into another: they also
# depend on a stamp naming the pg_config, version and flags they were built
# for (test/valgrind.sh builds with -O0), rewritten (and so newer) only when
# that changes.
BUILT_FOR = $(PG_CONFIG) $(VERSION) $(WARNING_FLAGS)
$(OBJS): $(wildcard src/*.h) .built-for
.built-for: FORCE
	@echo '$(BUILT_FOR)' | cmp -s - $@ || echo '$(BUILT_FOR)' > $@
FORCE:
.PHONY: FORCE
