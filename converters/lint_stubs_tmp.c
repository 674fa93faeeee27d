#include "lint_int.h"
void xcl_schema(struct xcl_file *c) { (void)c; }
