// 部署 (and 応対記録カテゴリ) rows as a tree: the parentId links the server keeps, walked on the client.

type TLinked = { id: string; parentId: string | null };
export type TNode<T extends TLinked> = { item: T; children: TNode<T>[] };

/** Rows as a forest in their given order; a row whose parent is missing (or elsewhere) is a root. */
export function buildForest<T extends TLinked>(rows: T[]): TNode<T>[] {
  const nodes = new Map(rows.map((item) => [item.id, { item, children: [] as TNode<T>[] }]));
  const roots: TNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId ? nodes.get(node.item.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** `rootId` and every row below it: what may not become its 上位部署. A cycle in bad data ends the walk. */
export function subtreeIds(rows: TLinked[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const r of rows) if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  const seen = new Set([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  return seen;
}
