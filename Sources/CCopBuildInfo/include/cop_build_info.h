#ifndef COP_BUILD_INFO_H
#define COP_BUILD_INFO_H

/// The git commit `cop` was built from (`make build`, `make dist` and `make install` write it to
/// commit.h beside the C file), or NULL for a build that did not say.
const char *cop_build_commit(void);

#endif
