#include "lint_int.h"
void xcl_conflict_cfg(struct xcl_file *c) { (void)c; }
void xcl_conflict_model(struct xcl_file *c, const struct xc_domain *dom) { (void)c; (void)dom; }
void xcl_schema(struct xcl_file *c) { (void)c; }
