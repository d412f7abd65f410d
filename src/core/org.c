#include "core/org.h"

void org_subtree(const int *parent, size_t n, int root, bool *in)
{
	for (size_t i = 0; i < n; i++) {
		int at = (int)i;
		size_t steps = 0;

		while (at != root && at >= 0 && steps++ < n)
			at = parent[at];
		in[i] = at == root;
	}
}

int org_depth(const int *parent, size_t n, int i)
{
	int depth = 0;

	while (parent[i] >= 0 && (size_t)depth < n) {
		i = parent[i];
		depth++;
	}
	return depth;
}
