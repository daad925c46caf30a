// The GLPK C API, as installed by Debian's libglpk-dev (GLPK 5.0).
// Only the MILP target imports this module, in one file: Sources/MILP/GLPK.swift.
#include <glpk.h>
