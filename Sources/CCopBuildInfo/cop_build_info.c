#include "cop_build_info.h"
#include <stddef.h>

// commit.h is written by Packaging/write-build-info (`make build`, `make dist`, `make install`) and
// ignored by git; a plain `swift build` has none, and `cop --version` then says the commit is unknown.
#if __has_include("commit.h")
#include "commit.h"
#endif

const char *cop_build_commit(void) {
#ifdef COP_COMMIT
  return COP_COMMIT;
#else
  return NULL;
#endif
}
