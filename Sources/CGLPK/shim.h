// The GLPK C API, as installed by Debian's libglpk-dev (GLPK 5.0).
// Only the MILP target imports this module; see Sources/MILP/GLPKBackend.swift.
#include <glpk.h>
