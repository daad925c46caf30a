// librsvg (SVG → cairo) and cairo's PDF surface, from Debian's librsvg2-dev and
// libcairo2-dev.
#include <librsvg/rsvg.h>
#include <cairo.h>
#include <cairo-pdf.h>
