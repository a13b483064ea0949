#include "cop_build_info.h"
#include <stddef.h>

const char *cop_build_commit(void) {
#ifdef COP_COMMIT
  return COP_COMMIT;
#else
  return NULL;
#endif
}
