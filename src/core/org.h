/* The organisation's shape: the team tree and who belongs where. Pure
 * functions over arrays that the caller loads. */
#ifndef COMPGAP_ORG_H
#define COMPGAP_ORG_H

#include <stdbool.h>
#include <stddef.h>

/* Sets in[i] for every team i in the subtree of root (root included),
 * given parent[i], the index of team i's parent or -1. A malformed tree
 * (a loop) cannot hang it: a walk stops after n steps. */
void org_subtree(const int *parent, size_t n, int root, bool *in);

/* The depth of team i (0 for a root). */
int org_depth(const int *parent, size_t n, int i);

#endif
