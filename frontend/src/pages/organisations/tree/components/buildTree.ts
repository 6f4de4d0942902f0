export interface FlatOrganisation {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  archivedAt?: string | null;
  parent?: { id: string } | null;
}

export interface OrganisationTreeNode {
  key: string;
  organisation: FlatOrganisation;
  children: OrganisationTreeNode[];
}

/** Build the forest from `parent { id }`; nodes whose parent is not in the list become roots. */
export function buildTree(items: readonly FlatOrganisation[]): OrganisationTreeNode[] {
  const byId = new Map<string, OrganisationTreeNode>();
  for (const organisation of items) {
    byId.set(organisation.id, { key: organisation.id, organisation, children: [] });
  }
  const roots: OrganisationTreeNode[] = [];
  for (const node of byId.values()) {
    const parentId = node.organisation.parent?.id;
    const parent = parentId ? byId.get(parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Keys of the nodes down to `depth` levels (roots are level 0), to expand by default. */
export function keysToDepth(roots: readonly OrganisationTreeNode[], depth: number): string[] {
  const keys: string[] = [];
  const walk = (nodes: readonly OrganisationTreeNode[], level: number) => {
    if (level > depth) return;
    for (const n of nodes) {
      if (n.children.length > 0) keys.push(n.key);
      walk(n.children, level + 1);
    }
  };
  walk(roots, 0);
  return keys;
}

/** Keys of the ancestors of every node whose name contains `text`, and the matching keys. */
export function matchKeys(
  roots: readonly OrganisationTreeNode[],
  text: string,
): { expanded: string[]; matched: Set<string> } {
  const expanded = new Set<string>();
  const matched = new Set<string>();
  const walk = (nodes: readonly OrganisationTreeNode[], path: string[]) => {
    for (const n of nodes) {
      if (n.organisation.name.includes(text)) {
        matched.add(n.key);
        path.forEach((k) => expanded.add(k));
      }
      walk(n.children, [...path, n.key]);
    }
  };
  walk(roots, []);
  return { expanded: [...expanded], matched };
}
